/** Vietnamese text of the pieces every screen uses. */
export const text = {
  savePng: 'Lưu ảnh PNG',
  pngSaved: (file: string) => `Đã lưu ${file}`,
  exportExcel: 'Xuất Excel…',
  saved: (file: string) => `Đã lưu: ${file}`,
  statusFilter: 'Lọc theo tình trạng',
  openFile: 'Mở tệp',
  openFolder: 'Mở thư mục',
};
