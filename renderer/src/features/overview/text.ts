import { periodInSentence } from '../../../../shared/domain/periods';

export const text = {
  title: 'Tổng quan',
  welcomeTitle: 'Chào mừng đến với phần mềm Thường trực phòng, chống mại dâm',
  welcomeBody:
    'Cơ sở dữ liệu còn trống. Hãy nhập danh sách đơn vị của tỉnh, hoặc tạo dữ liệu mẫu (tỉnh Quảng Ngãi: chỉ tiêu giai đoạn 2021-2025, Kế hoạch năm 2025 và số liệu các huyện 5 năm) để làm quen với phần mềm.',
  createDemo: 'Tạo dữ liệu mẫu',
  creatingDemo: 'Đang tạo dữ liệu mẫu…',
  goToUnits: 'Nhập danh sách đơn vị',
  demoCreated: (units: number, targets: number, tasks: number, rounds: number) =>
    `Đã tạo dữ liệu mẫu: ${units} đơn vị, ${targets} chỉ tiêu, ${tasks} nhiệm vụ, ${rounds} đợt báo cáo năm có số liệu.`,
  counts: { units: 'Đơn vị', plans: 'Kế hoạch', targets: 'Chỉ tiêu', tasks: 'Nhiệm vụ' },
  database: 'Tệp dữ liệu',
  openRounds: 'Đợt báo cáo đang mở',
  noOpenRounds: 'Không có đợt báo cáo nào đang mở.',
  deadline: 'hạn',
  received: (r: number, e: number) => `đã nhận ${r}/${e} đơn vị`,
  withErrors: (n: number) => `${n} báo cáo có lỗi cần xem`,
  targets: 'Chỉ tiêu (kết quả kỳ gần nhất)',
  noTargetsYet:
    'Chưa có chỉ tiêu nào đến kỳ đánh giá: chỉ tiêu của kế hoạch được đánh giá khi đã có đợt báo cáo trong thời gian của kế hoạch.',
  status: { met: 'Đạt', 'not-met': 'Chưa đạt', 'at-risk': 'Có nguy cơ', 'no-data': 'Thiếu số liệu' },
  year: 'Năm',
  /** "năm 2025", or "giai đoạn 2016-2020" for a final review. */
  period: periodInSentence,
  indicator: 'Chỉ tiêu thống kê',
  trendTitle: 'Xu hướng toàn tỉnh qua các năm',
  rankTitle: 'Xếp hạng đơn vị',
  province: 'Toàn tỉnh',
  noSeries: 'Chưa có số liệu năm hay giai đoạn nào để vẽ biểu đồ.',
  boundary: 'Theo địa giới ngày',
  boundaryHelp:
    'Để trống: mỗi năm theo đơn vị đã báo cáo. Chọn một ngày: số liệu mọi năm được quy đổi về các đơn vị của ngày đó (qua sáp nhập, chia tách), ví dụ để so năm 2024 (cấp huyện) với năm 2026 (cấp xã).',
  inBoundary: (day: string, province: string | null) =>
    `Số liệu theo địa giới ngày ${day.split('-').reverse().join('/')}${province ? ` (${province})` : ''}.`,
  loading: 'Đang tải…',
};
