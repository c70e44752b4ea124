import type { UnitKind } from '../../../shared/domain/units';
import type { Comparator, TargetKind } from '../../../shared/domain/plans';
import type { demoRow } from './demo-history';

/**
 * Demo data taken from the seed documents: the Quảng Ngãi plan for 2025 under the province's
 * 2021-2025 programme (QĐ 1736/QĐ-UBND), its targets (mục II) and assignments (mục IV), and the
 * province's units before the 2025 reform: 13 districts and the departments the plan names.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  emails: string[];
}

const district = (code: string, name: string, slug: string): DemoUnit => ({
  code,
  name,
  kind: 'district',
  parentCode: '51',
  emails: [`vpubnd.${slug}@quangngai.gov.vn`],
});
const department = (code: string, name: string, email: string): DemoUnit => ({
  code,
  name,
  kind: 'department',
  parentCode: '51',
  emails: [`${email}@quangngai.gov.vn`],
});

export const demoUnits: DemoUnit[] = [
  { code: '51', name: 'Tỉnh Quảng Ngãi', kind: 'province', parentCode: null, emails: [] },
  { code: 'SYT', name: 'Sở Y tế', kind: 'secretariat', parentCode: '51', emails: ['syt@quangngai.gov.vn'] },
  department('CA', 'Công an tỉnh', 'congan'),
  department('STC', 'Sở Tài chính', 'stc'),
  department('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'svhttdl'),
  department('SGDDT', 'Sở Giáo dục và Đào tạo', 'sgddt'),
  department('STP', 'Sở Tư pháp', 'stp'),
  department('SNV', 'Sở Nội vụ', 'snv'),
  department('DPTTH', 'Đài Phát thanh và Truyền hình tỉnh', 'dptth'),
  department('BQN', 'Báo Quảng Ngãi', 'baoquangngai'),
  department('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'mttq'),
  district('522', 'Thành phố Quảng Ngãi', 'tpquangngai'),
  district('524', 'Huyện Bình Sơn', 'binhson'),
  district('525', 'Huyện Trà Bồng', 'trabong'),
  district('527', 'Huyện Sơn Tịnh', 'sontinh'),
  district('528', 'Huyện Tư Nghĩa', 'tunghia'),
  district('529', 'Huyện Sơn Hà', 'sonha'),
  district('530', 'Huyện Sơn Tây', 'sontay'),
  district('531', 'Huyện Minh Long', 'minhlong'),
  district('532', 'Huyện Nghĩa Hành', 'nghiahanh'),
  district('533', 'Huyện Mộ Đức', 'moduc'),
  district('534', 'Thị xã Đức Phổ', 'ducpho'),
  district('535', 'Huyện Ba Tơ', 'bato'),
  district('536', 'Huyện Lý Sơn', 'lyson'),
];

export const demoProgramme = {
  name: 'Chương trình phòng, chống mại dâm giai đoạn 2021-2025 trên địa bàn tỉnh Quảng Ngãi',
  decisionNumber: '1736/QĐ-UBND',
  decisionDate: '2021-11-05',
  issuer: 'UBND tỉnh Quảng Ngãi',
  periodStart: 2021,
  periodEnd: 2025,
};

export const demoPlan = {
  // The published text carries no number; the office fills it in when it has the signed copy.
  docNumber: null,
  docDate: '2025-04-10',
  issuer: 'UBND tỉnh Quảng Ngãi',
  signer: null,
  type: 'annual' as const,
  title: 'Kế hoạch thực hiện Chương trình phòng, chống mại dâm trên địa bàn tỉnh Quảng Ngãi năm 2025',
  periodStart: 2025,
  periodEnd: 2025,
  legalBasis:
    'Quyết định số 1736/QĐ-UBND ngày 05/11/2021 của UBND tỉnh; Công văn 368/CPCTNXH-CSPCMD ngày 30/7/2024 của Cục Phòng, chống tệ nạn xã hội; Tờ trình số 566/TTr-SYT ngày 24/3/2025 của Sở Y tế',
};

export interface DemoTarget {
  code: string;
  text: string;
  kind: TargetKind;
  comparator: Comparator;
  threshold: number;
  thresholdHigh?: number;
  unitKind: UnitKind | null;
  deadlineYear?: number;
  /** The rows of the demo form the target is measured on, when the form has them. */
  measure?: { row: keyof typeof demoRow; denominator?: keyof typeof demoRow };
}

/** Mục II "Mục tiêu cụ thể" of the plan, item by item (the plan letters its second "d" twice; it is đ). */
export const demoTargets: DemoTarget[] = [
  {
    code: 'a',
    kind: 'share-of-units',
    comparator: '>=',
    threshold: 100,
    unitKind: 'district',
    measure: { row: 'integrated' },
    text: '100% các cấp chính quyền địa phương trên địa bàn tỉnh xây dựng kế hoạch và tổ chức thực hiện các hoạt động phòng, chống tệ nạn mại dâm',
  },
  // The form asks each district for the share of its communes (table A, "đơn vị tính %"): the province figure is their average.
  {
    code: 'b',
    kind: 'count',
    comparator: '>=',
    threshold: 70,
    unitKind: 'commune',
    measure: { row: 'awareness' },
    text: 'Có 70% xã, phường, thị trấn trở lên tổ chức được ít nhất một hình thức tuyên truyền về phòng ngừa mại dâm và được duy trì thường xuyên',
  },
  {
    code: 'c',
    kind: 'share-of-units',
    comparator: '>=',
    threshold: 50,
    unitKind: 'commune',
    text: 'Có 50% xã, phường, thị trấn thực hiện lồng ghép nhiệm vụ phòng, chống tệ nạn mại dâm với các chương trình phát triển kinh tế - xã hội, an sinh, trợ giúp xã hội, phòng, chống ma túy, phòng chống HIV/AIDS',
  },
  {
    code: 'd.1',
    kind: 'ratio',
    comparator: '>=',
    threshold: 70,
    unitKind: null,
    text: 'Ít nhất 70% người lao động tại các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được tuyên truyền, phổ biến chính sách, pháp luật về phòng, chống tệ nạn mại dâm',
  },
  {
    code: 'd.2',
    kind: 'ratio',
    comparator: '>=',
    threshold: 60,
    unitKind: null,
    text: 'Ít nhất 60% người lao động trong các khu công nghiệp được tuyên truyền, phổ biến chính sách, pháp luật về phòng, chống tệ nạn mại dâm',
  },
  {
    code: 'd.3',
    kind: 'ratio',
    comparator: '>=',
    threshold: 70,
    unitKind: null,
    text: '70% học sinh, sinh viên các trường trung học phổ thông, cơ sở giáo dục đại học và cơ sở giáo dục nghề nghiệp được tuyên truyền về phòng, chống tệ nạn mại dâm',
  },
  {
    code: 'đ',
    kind: 'ratio',
    comparator: '>=',
    threshold: 100,
    unitKind: null,
    text: '100% các tội phạm liên quan đến mại dâm đều được xử lý theo quy định của pháp luật',
  },
  {
    code: 'e',
    kind: 'ratio',
    comparator: '>=',
    threshold: 100,
    unitKind: null,
    text: '100% tố giác, tin báo về tội phạm và kiến nghị khởi tố về hành vi vi phạm pháp luật về mại dâm được tiếp nhận, xác minh, giải quyết kịp thời',
  },
  {
    code: 'g',
    kind: 'ratio',
    comparator: '>=',
    threshold: 20,
    unitKind: null,
    measure: { row: 'inspected', denominator: 'businesses' },
    text: 'Trong năm tổ chức kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn tỉnh',
  },
];

/**
 * The programme's targets for 2021-2025. Quảng Ngãi's programme text (QĐ 1736/QĐ-UBND) is not among
 * the seeds; these are the national programme's targets as the Quảng Bình plan 442/KH-UBND (seed)
 * restates them, which provinces' programmes repeat.
 */
export const demoProgrammePlan = {
  docNumber: null,
  docDate: '2021-11-05',
  issuer: 'UBND tỉnh Quảng Ngãi',
  signer: null,
  type: 'five-year' as const,
  title: 'Chỉ tiêu Chương trình phòng, chống mại dâm giai đoạn 2021-2025 trên địa bàn tỉnh Quảng Ngãi',
  periodStart: 2021,
  periodEnd: 2025,
  legalBasis: 'Quyết định số 1736/QĐ-UBND ngày 05/11/2021 của UBND tỉnh Quảng Ngãi',
};

export const demoProgrammeTargets: DemoTarget[] = [
  {
    code: '1',
    kind: 'count',
    comparator: '>=',
    threshold: 70,
    unitKind: 'commune',
    measure: { row: 'awareness' },
    text: 'Ít nhất 70% số xã, phường, thị trấn tổ chức được một hình thức tuyên truyền về phòng ngừa mại dâm và được duy trì thường xuyên',
  },
  {
    code: '2',
    kind: 'share-of-units',
    comparator: '>=',
    threshold: 100,
    unitKind: 'district',
    measure: { row: 'integrated' },
    text: '100% các huyện, thị xã, thành phố xây dựng kế hoạch và tổ chức thực hiện các hoạt động phòng, chống tệ nạn mại dâm',
  },
  {
    code: '3',
    kind: 'growth',
    comparator: 'between',
    threshold: 3,
    thresholdHigh: 5,
    unitKind: null,
    measure: { row: 'prosecuted' },
    text: 'Hằng năm, tăng 3 - 5% số tội phạm liên quan đến mại dâm được xử lý theo quy định của pháp luật',
  },
  {
    code: '4',
    kind: 'ratio',
    comparator: '>=',
    threshold: 20,
    unitKind: null,
    measure: { row: 'inspected', denominator: 'businesses' },
    text: 'Tổ chức rà soát, kiểm tra, giám sát ít nhất 20% số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn tỉnh',
  },
  {
    code: '5',
    kind: 'cumulative',
    comparator: '>=',
    threshold: 100,
    unitKind: null,
    deadlineYear: 2025,
    measure: { row: 'inspected', denominator: 'businesses' },
    text: 'Đến năm 2025, 100% các cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được kiểm tra ít nhất một lần',
  },
  {
    code: '6',
    kind: 'ratio',
    comparator: '>=',
    threshold: 60,
    unitKind: null,
    measure: { row: 'supported', denominator: 'counted' },
    text: 'Ít nhất 60% người bán dâm có nhu cầu và đủ điều kiện được tiếp cận và sử dụng các dịch vụ hỗ trợ xã hội, hòa nhập cộng đồng',
  },
];

export interface DemoTask {
  content: string;
  leadCode: string | null;
  coordinatorCodes: string[];
  deadline: string;
}

const districtCodes = demoUnits.filter((u) => u.kind === 'district').map((u) => u.code);

/** Mục IV "Tổ chức thực hiện". */
export const demoTasks: DemoTask[] = [
  {
    leadCode: 'SYT',
    coordinatorCodes: ['CA', 'SVHTTDL', 'SGDDT', 'STP'],
    deadline: '2025-12-14',
    content:
      'Chủ trì triển khai Kế hoạch: hướng dẫn thực hiện các quy định về phòng, chống mại dâm; xây dựng và triển khai kế hoạch kiểm tra liên ngành; tổ chức tuyên truyền, tập huấn; triển khai can thiệp giảm hại về HIV/AIDS',
  },
  {
    leadCode: 'SYT',
    coordinatorCodes: ['SNV'],
    deadline: '2025-12-14',
    content:
      'Phối hợp với Sở Nội vụ đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc trong thực hiện Chương trình giai đoạn 2021-2025',
  },
  {
    leadCode: 'CA',
    coordinatorCodes: ['SYT', 'SVHTTDL'],
    deadline: '2025-12-14',
    content:
      'Tăng cường phòng ngừa, đấu tranh triệt phá các ổ nhóm, đường dây tội phạm liên quan đến mại dâm, tội phạm mua bán người',
  },
  {
    leadCode: 'STC',
    coordinatorCodes: [],
    deadline: '2025-12-14',
    content: 'Căn cứ khả năng ngân sách, tham mưu cấp có thẩm quyền bố trí kinh phí thực hiện Kế hoạch',
  },
  {
    leadCode: 'SVHTTDL',
    coordinatorCodes: ['CA', 'SYT'],
    deadline: '2025-12-14',
    content:
      'Phối hợp kiểm tra các cơ sở kinh doanh dịch vụ; lồng ghép tuyên truyền phòng, chống mại dâm với các hoạt động văn hóa, thể thao; chỉ đạo báo chí thông tin về phòng, chống mại dâm',
  },
  {
    leadCode: 'SGDDT',
    coordinatorCodes: districtCodes,
    deadline: '2025-12-14',
    content:
      'Chỉ đạo các trường trung học phổ thông, cơ sở giáo dục nghề nghiệp tuyên truyền, giáo dục về phòng, chống mại dâm và kỹ năng sống cho học sinh, sinh viên',
  },
  {
    leadCode: 'STP',
    coordinatorCodes: [],
    deadline: '2025-12-14',
    content: 'Tuyên truyền, phổ biến, giáo dục pháp luật về phòng, chống mại dâm',
  },
  {
    leadCode: 'DPTTH',
    coordinatorCodes: ['BQN'],
    deadline: '2025-12-14',
    content: 'Đưa tuyên truyền phòng, chống mại dâm vào các chương trình thông tin, truyền thông',
  },
  {
    leadCode: 'MTTQ',
    coordinatorCodes: [],
    deadline: '2025-12-14',
    content:
      'Hướng dẫn các tổ chức thành viên, hội viên tham gia vận động, tuyên truyền nâng cao nhận thức về phòng, chống tệ nạn mại dâm',
  },
  {
    leadCode: null,
    coordinatorCodes: districtCodes,
    deadline: '2025-12-14',
    content:
      'UBND các huyện, thị xã, thành phố xây dựng kế hoạch triển khai phù hợp với tình hình địa phương; lồng ghép nhiệm vụ phòng, chống mại dâm trong các chương trình, kế hoạch có liên quan',
  },
  {
    leadCode: 'SYT',
    coordinatorCodes: districtCodes,
    deadline: '2025-11-30',
    content:
      'Các cơ quan, đơn vị, địa phương báo cáo UBND tỉnh (qua Sở Y tế) kết quả thực hiện Chương trình giai đoạn 2021-2025 trước ngày 30/11 để tổng hợp báo cáo Bộ Y tế',
  },
];
