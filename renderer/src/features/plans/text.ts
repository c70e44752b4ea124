import type { Comparator } from '../../../../shared/domain/plans';

export const text = {
  title: 'Kế hoạch và chỉ tiêu',
  empty: 'Chưa có kế hoạch nào. Dữ liệu mẫu ở trang Tổng quan có một kế hoạch để xem thử.',
  number: (n: string | null) => (n ? `Số ${n}` : 'Chưa ghi số văn bản'),
  issuedBy: 'Cơ quan ban hành',
  period: 'Giai đoạn',
  targets: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ, phân công',
  col: { code: 'Mục', text: 'Nội dung chỉ tiêu', kind: 'Loại', threshold: 'Mức', content: 'Nội dung', lead: 'Chủ trì', coordinators: 'Phối hợp', deadline: 'Thời hạn', status: 'Tình trạng' },
  comparator: { '>=': 'ít nhất', '<=': 'tối đa', '=': 'đúng', between: 'trong khoảng' } satisfies Record<Comparator, string>,
  unnamedLead: 'Các đơn vị được giao',
  loading: 'Đang tải…',
};
