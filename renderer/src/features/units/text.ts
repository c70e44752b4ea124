export const text = {
  title: 'Đơn vị',
  searchPlaceholder: 'Tìm mã, tên, thư điện tử (gõ không dấu cũng được)',
  importFile: 'Nhập danh sách từ tệp…',
  importing: 'Đang nhập…',
  importHelp: 'Tệp .csv, .xlsx hoặc .xls với các cột: code, name, kind, parent_code, emails.',
  imported: (file: string, created: number, updated: number, unchanged: number) =>
    `Đã nhập tệp ${file}: thêm ${created}, cập nhật ${updated}, không đổi ${unchanged} đơn vị.`,
  count: (shown: number, total: number) => (shown === total ? `${total} đơn vị` : `${shown}/${total} đơn vị`),
  expandAll: 'Mở hết',
  collapseAll: 'Thu gọn',
  col: { code: 'Mã', name: 'Tên đơn vị', kind: 'Loại', emails: 'Thư điện tử' },
  toggle: (open: boolean, name: string) => `${open ? 'Thu gọn' : 'Mở'} ${name}`,
  grid: { noRowsToShow: 'Chưa có đơn vị nào', loadingOoo: 'Đang tải…' },
};
