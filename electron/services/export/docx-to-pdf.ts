import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../../shared/errors';

const exec = promisify(execFile);

/**
 * PDF from the command line, where there is no window to print from: LibreOffice headless converts
 * the .docx (in a private profile, with a fixed argument list: no shell). The app itself prints
 * through its own window instead.
 */
export async function docxToPdf(docx: Buffer, soffice = process.env['PCMD_SOFFICE'] ?? 'soffice'): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-pdf-'));
  try {
    const input = path.join(dir, 'phu-luc.docx');
    fs.writeFileSync(input, docx);
    try {
      await exec(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, input], {
        env: { ...process.env, HOME: dir },
        timeout: 120_000,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError('unsupported-file', 'Xuất PDF từ dòng lệnh cần LibreOffice (lệnh soffice). Trong phần mềm, hãy dùng "Xem trước khi in" rồi "Lưu PDF".');
      }
      throw new AppError('internal', `LibreOffice không chuyển được sang PDF: ${(e as Error).message}`);
    }
    const pdf = path.join(dir, 'phu-luc.pdf');
    if (!fs.existsSync(pdf)) throw new AppError('internal', 'LibreOffice không tạo ra tệp PDF.');
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
