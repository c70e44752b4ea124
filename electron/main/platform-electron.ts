import fs from 'node:fs';
import { BrowserWindow, dialog, safeStorage, shell, clipboard } from 'electron';
import { AppError } from '../../shared/errors';
import type { Platform } from '../services/platform';

/** The platform interface with Electron's dialogs, shell and printing. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null, logFolder: string): Platform {
  return {
    async chooseFile({ title, filters }) {
      const win = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseFiles({ title, filters }) {
      const win = getWindow();
      const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
    async chooseFolder({ title }) {
      const win = getWindow();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath({ title, defaultName, filters }) {
      const win = getWindow();
      const options = { title, defaultPath: defaultName, filters };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
    async openWithSystem(filePath) {
      const problem = await shell.openPath(filePath);
      if (problem) throw new Error(problem);
    },
    async showInFolder(filePath) {
      shell.showItemInFolder(filePath);
    },
    async openLogFolder() {
      fs.mkdirSync(logFolder, { recursive: true });
      const problem = await shell.openPath(logFolder);
      if (problem)
        throw new AppError('internal', `Không mở được thư mục nhật ký ${logFolder}.`, undefined, {
          cause: new Error(problem),
        });
    },
    async copyText(text) {
      await clipboard.writeText(text);
    },
    protectSecret(plain) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError(
          'internal',
          'Máy này không có kho khóa an toàn của hệ điều hành; không lưu được mật khẩu hộp thư.',
        );
      }
      return safeStorage.encryptString(plain).toString('base64');
    },
    revealSecret(stored) {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    printWindow() {
      const win = getWindow();
      if (!win) return Promise.resolve();
      return new Promise((resolve, reject) => {
        win.webContents.print({ printBackground: false }, (ok, reason) =>
          ok || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
        );
      });
    },
    async renderWindowPdf() {
      const win = getWindow();
      if (!win) throw new AppError('internal', 'Không có cửa sổ để in.');
      // The page's @page rule sets size, orientation and margins; headers come from its margin boxes.
      return win.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: false,
        displayHeaderFooter: false,
      });
    },
  };
}
