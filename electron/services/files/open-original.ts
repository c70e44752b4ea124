import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { readParts } from '../import/read-parts';
import { readOriginal } from './file-store';
import { safeFileStem } from './safe-name';

/**
 * Kinds of file the office may open with the system's program. Anything else (programs, scripts,
 * macro-enabled workbooks, CSV that a spreadsheet would evaluate) can only be saved elsewhere.
 */
const OPENABLE = new Set(['xlsx', 'xls', 'docx', 'doc', 'odt', 'ods', 'pdf', 'jpg', 'jpeg', 'png', 'txt', 'eml', 'msg']);

/** Where the copies opened for viewing go: a folder of the app's own beside the database. */
export function viewFolder(ctx: ServiceContext): string {
  return path.join(path.dirname(ctx.databasePath), 'mo-xem');
}

/**
 * Opens a stored original for the user to look at (on their click only): a read-only copy in the
 * app's viewing folder, named by the app (the record's number and a cleaned stem, never the name as
 * it came, so "../../x" or "CON" choose nothing), then handed to the system's program. The stored
 * original is never the file opened, so nothing done in Excel or Word can change it.
 */
export async function openOriginal(ctx: ServiceContext, fileId: number): Promise<string> {
  const original = await readOriginal(ctx.db, fileId, readParts);
  const base = path.basename(original.name.replace(/\\/g, '/'));
  const extension = path.extname(base).slice(1).toLowerCase();
  if (!OPENABLE.has(extension)) {
    throw new AppError(
      'invalid-input',
      `Không mở tệp "${base}" bằng chương trình khác: loại tệp "${extension ? `.${extension}` : 'không có đuôi'}" có thể chạy mã lệnh. Có thể lưu tệp ra thư mục để kiểm tra.`,
    );
  }
  const folder = viewFolder(ctx);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${fileId}-${safeFileStem(path.basename(base, path.extname(base)))}.${extension}`);
  if (fs.existsSync(target)) {
    // A copy from an earlier look: read-only, so made writable only to be replaced.
    fs.chmodSync(target, 0o644);
    fs.rmSync(target);
  }
  // Created read-only (on Windows, libuv sets the read-only attribute for a mode without write).
  fs.writeFileSync(target, original.bytes, { mode: 0o444 });
  await ctx.platform.openWithSystem(target);
  return target;
}
