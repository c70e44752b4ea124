import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Originals are kept in a folder beside the database file, one file per checksum. */
export function filesDirFor(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'tep-goc');
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function storedFilePath(databasePath: string, hash: string): string {
  return path.join(filesDirFor(databasePath), hash.slice(0, 2), hash);
}

/**
 * Keeps an original file by its checksum and records it; the same content twice is stored once.
 * The name is only recorded: it never chooses where the file is written.
 */
export async function keepOriginal(db: Db, databasePath: string, originalName: string, bytes: Uint8Array, now: string): Promise<number> {
  const hash = sha256(bytes);
  const existing = await db.selectFrom('stored_file').select('id').where('sha256', '=', hash).executeTakeFirst();
  const target = storedFilePath(databasePath, hash);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  }
  if (existing) return existing.id;
  return (
    await db
      .insertInto('stored_file')
      .values({ sha256: hash, size: bytes.byteLength, original_name: originalName.slice(0, 255), media_type: null, stored_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
