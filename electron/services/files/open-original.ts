import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { readParts } from '../inbox/read-parts';
import { readOriginal } from './file-store';
import { safeFileStem } from './safe-name';
import { markFromInternet } from './internet-zone';

/**
 * Kinds of file the office may open with the system's program. Anything else (programs, scripts,
 * macro-enabled workbooks, CSV that a spreadsheet would evaluate) can only be saved elsewhere.
 * E-mails (.eml, .msg) are shown inside the app (message-view.ts): handed to a mail program, their
 * attachments, whatever they are, would be one click from running.
 */
const OPENABLE = new Set(['xlsx', 'xls', 'docx', 'doc', 'odt', 'ods', 'pdf', 'jpg', 'jpeg', 'png', 'txt']);
/** Copies older than this are removed from the viewing folder when the app starts. */
const VIEW_COPY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

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
  if (extension === 'eml' || extension === 'msg') {
    throw new AppError(
      'invalid-input',
      `Thư "${base}" được xem ngay trong phần mềm (Xem thư), không mở bằng chương trình khác.`,
    );
  }
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
  // Marked as from the internet (Office's Protected View) while still writable, then made read-only
  // (on Windows, libuv sets the read-only attribute for a mode without write).
  fs.writeFileSync(target, original.bytes, { mode: 0o644 });
  markFromInternet(target);
  fs.chmodSync(target, 0o444);
  await ctx.platform.openWithSystem(target);
  return target;
}

/** Removes copies opened for viewing more than a day ago (at the app's start): the originals stay in the database. */
export function cleanViewFolder(ctx: ServiceContext, now = Date.now()): number {
  const folder = viewFolder(ctx);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || now - stat.mtimeMs <= VIEW_COPY_MAX_AGE_MS) continue;
      fs.chmodSync(file, 0o644);
      fs.rmSync(file);
      removed++;
    } catch {
      // open in another program (Windows keeps it locked): left for the next start
    }
  }
  return removed;
}
