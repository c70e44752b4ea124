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
  loading: 'Đang tải…',
};
