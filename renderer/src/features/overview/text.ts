export const text = {
  title: 'Tổng quan',
  welcomeTitle: 'Chào mừng đến với phần mềm Thường trực phòng, chống mại dâm',
  welcomeBody:
    'Cơ sở dữ liệu còn trống. Hãy nhập danh sách đơn vị của tỉnh, hoặc tạo dữ liệu mẫu (tỉnh Quảng Ngãi với Kế hoạch năm 2025) để làm quen với phần mềm.',
  createDemo: 'Tạo dữ liệu mẫu',
  creatingDemo: 'Đang tạo dữ liệu mẫu…',
  goToUnits: 'Nhập danh sách đơn vị',
  demoCreated: (units: number, targets: number, tasks: number) =>
    `Đã tạo dữ liệu mẫu: ${units} đơn vị, ${targets} chỉ tiêu, ${tasks} nhiệm vụ.`,
  counts: { units: 'Đơn vị', plans: 'Kế hoạch', targets: 'Chỉ tiêu', tasks: 'Nhiệm vụ' },
  database: 'Tệp dữ liệu',
  loading: 'Đang tải…',
};
