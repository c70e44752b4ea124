import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

type Db = Kysely<Database> | Transaction<Database>;

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps an original file by its checksum, inside the database and in the caller's transaction, so
 * the original and everything read from it are stored together or not at all. The same content
 * twice is stored once. The name is only recorded: it never chooses where anything is written.
 */
export async function keepOriginal(db: Db, originalName: string, bytes: Uint8Array, now: string): Promise<number> {
  const hash = sha256(bytes);
  const existing = await db.selectFrom('stored_file').select('id').where('sha256', '=', hash).executeTakeFirst();
  if (existing) return existing.id;
  const id = (
    await db
      .insertInto('stored_file')
      .values({ sha256: hash, size: bytes.byteLength, original_name: originalName.slice(0, 255), media_type: null, stored_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('stored_file_content').values({ file_id: id, content: bytes }).execute();
  return id;
}

/** An original as it was received, by its record's id. */
export async function readOriginal(db: Db, fileId: number): Promise<{ name: string; bytes: Uint8Array }> {
  const row = await db
    .selectFrom('stored_file as f')
    .leftJoin('stored_file_content as c', 'c.file_id', 'f.id')
    .select(['f.original_name', 'f.sha256', 'c.content'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!row?.content) throw new AppError('not-found', `Không còn tệp gốc số ${fileId} trong dữ liệu.`);
  if (sha256(row.content) !== row.sha256) throw new AppError('database', `Tệp gốc "${row.original_name}" không còn đúng như khi nhận (sai mã kiểm tra).`);
  return { name: row.original_name, bytes: row.content };
}
