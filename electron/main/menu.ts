import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The application menu in Vietnamese. */
export function buildMenu(options: { getWindow: () => BrowserWindow | null; print: () => void; about: string }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'In…', accelerator: 'CmdOrCtrl+P', click: options.print },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [
        {
          label: 'Giới thiệu',
          click: () => {
            const win = options.getWindow();
            const box = {
              type: 'info' as const,
              title: 'Giới thiệu',
              message: 'Phần mềm Thường trực phòng, chống mại dâm',
              detail: options.about,
              buttons: ['Đóng'],
            };
            void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
