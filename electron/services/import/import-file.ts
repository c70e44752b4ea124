import fs from 'node:fs';
import path from 'node:path';
import { mboxReader } from 'mbox-reader';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { importReply, importReplySource, MAX_REPLY_BYTES, type ImportOptions } from './import-reply';

/**
 * Imports one path: an .mbox gives one result per message (reported as "file.mbox#3"); any other
 * file gives one result.
 */
export async function importFile(ctx: ServiceContext, filePath: string, options: ImportOptions = {}): Promise<ImportResult[]> {
  if (path.extname(filePath).toLowerCase() !== '.mbox') return [await importReply(ctx, filePath, options)];
  const results: ImportResult[] = [];
  let n = 0;
  try {
    for await (const message of mboxReader(fs.createReadStream(filePath))) {
      n++;
      const name = `${path.basename(filePath)}#${n}`;
      if (message.content.byteLength > MAX_REPLY_BYTES) {
        results.push({ file: `${filePath}#${n}`, status: 'rejected', unitCode: null, roundId: null, values: 0, warnings: [], errors: [`Thư thứ ${n} trong "${path.basename(filePath)}" quá lớn.`] });
        continue;
      }
      results.push(await importReplySource(ctx, { fileName: `${name}.eml`, bytes: message.content }, options, `${filePath}#${n}`));
    }
  } catch (e) {
    results.push({ file: filePath, status: 'rejected', unitCode: null, roundId: null, values: 0, warnings: [], errors: [`Không đọc được hộp thư "${path.basename(filePath)}": ${(e as Error).message}`] });
  }
  return results;
}
