import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../../shared/errors';

const exec = promisify(execFile);

/**
 * Converts an office file with LibreOffice headless ("pdf", "doc", "xls"), in a private profile so
 * runs never share state, with a fixed argument list (no shell); returns the new file's path.
 * A machine without LibreOffice gets a Vietnamese refusal.
 */
export async function convertWithLibreOffice(file: string, format: string, workDir: string, soffice = process.env['PCMD_SOFFICE'] ?? 'soffice'): Promise<string> {
  const profile = path.join(workDir, 'lo-profile');
  fs.mkdirSync(profile, { recursive: true });
  try {
    await exec(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', format, '--outdir', workDir, file], {
      env: { ...process.env, HOME: workDir },
      timeout: 90_000,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('unsupported-file', 'Xuất PDF từ dòng lệnh cần LibreOffice (lệnh soffice). Trong phần mềm, hãy dùng "Xem trước khi in" rồi "Lưu PDF".');
    }
    throw new AppError('internal', `LibreOffice không chuyển được sang ${format.toUpperCase()}: ${(e as Error).message}`);
  }
  const out = path.join(workDir, `${path.basename(file, path.extname(file))}.${format}`);
  if (!fs.existsSync(out)) throw new AppError('internal', `LibreOffice không tạo ra tệp .${format}.`);
  return out;
}
