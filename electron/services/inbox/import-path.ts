import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { MB } from '../files/limits';
import { importReply, MAX_REPLY_BYTES, storeReply, type ImportOptions } from './import-reply';
import { readMboxMessages, type MboxMessage } from './read-mbox-messages';
import { runPipelined } from './run-pipelined';
import { parseReplyInWorker } from './parse-reply-in-worker';

const rejected = (file: string, error: string): ImportResult => ({
  file,
  status: 'rejected',
  unitCode: null,
  roundId: null,
  values: 0,
  warnings: [],
  errors: [error],
});

/**
 * Imports one path: an .mbox gives one result per message (reported as "file.mbox#3"), streamed one
 * message at a time; any other file gives one result.
 */
export async function importPath(
  ctx: ServiceContext,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  if (path.extname(filePath).toLowerCase() !== '.mbox') return [await importReply(ctx, filePath, options)];
  const box = path.basename(filePath);
  const results: ImportResult[] = [];
  const name = (m: MboxMessage) => `${box}#${m.number}.eml`;
  try {
    const stored = await runPipelined(
      readMboxMessages(fs.createReadStream(filePath, { highWaterMark: 1 * MB }), MAX_REPLY_BYTES),
      (m) => (m.bytes === null ? null : parseReplyInWorker({ fileName: name(m), bytes: m.bytes })),
      async (m, parsed) => {
        const where = `${filePath}#${m.number}`;
        if (m.bytes === null || parsed === null) {
          const size = ((m.bytes === null ? m.size : 0) / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
          return [
            rejected(
              where,
              `Thư thứ ${m.number} trong "${box}" quá lớn (${size} MB; giới hạn ${MAX_REPLY_BYTES / MB} MB).`,
            ),
          ];
        }
        return [await storeReply(ctx, parsed, options, where)];
      },
      undefined,
      // At most two messages held at once (one stored, one read ahead), however large the mailbox.
      1,
    );
    results.push(...stored);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    results.push(
      rejected(
        filePath,
        code === 'ENOENT'
          ? `Không tìm thấy hộp thư "${box}".`
          : `Không đọc được hộp thư "${box}" (lỗi đọc tệp ${code ?? 'không rõ'}).`,
      ),
    );
  }
  if (results.length === 0)
    results.push(
      rejected(filePath, `Tệp "${box}" không có thư nào theo định dạng mbox (dòng "From " mở đầu mỗi thư).`),
    );
  return results;
}
