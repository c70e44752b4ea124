import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

type Db = Kysely<Database> | Transaction<Database>;

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

async function existingId(db: Db, hash: string): Promise<number | null> {
  return (await db.selectFrom('stored_file').select('id').where('sha256', '=', hash).executeTakeFirst())?.id ?? null;
}

async function insertRecord(db: Db, hash: string, name: string, size: number, now: string): Promise<number> {
  return (
    await db
      .insertInto('stored_file')
      .values({ sha256: hash, size, original_name: name.slice(0, 255), media_type: null, stored_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * Keeps an original file by its checksum, inside the database and in the caller's transaction, so
 * the original and everything read from it are stored together or not at all. The same content
 * twice is stored once. The name is only recorded: it never chooses where anything is written.
 */
export async function keepOriginal(
  db: Db,
  originalName: string,
  bytes: Uint8Array,
  now: string,
  hash = sha256(bytes),
): Promise<number> {
  const existing = await existingId(db, hash);
  if (existing !== null) return existing;
  const id = await insertRecord(db, hash, originalName, bytes.byteLength, now);
  // better-sqlite3 binds Buffers as blobs; bytes that crossed from a worker arrive as a plain Uint8Array.
  const content = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await db.insertInto('stored_file_content').values({ file_id: id, content }).execute();
  return id;
}

/**
 * Records a file that arrived inside a kept one (an e-mail's attachment, a zip's entry) as a part of
 * it: its own record and checksum, its bytes read back from the container when needed.
 */
export async function keepPart(
  db: Db,
  containerId: number,
  partName: string,
  bytes: Uint8Array,
  now: string,
): Promise<number> {
  const hash = sha256(bytes);
  const existing = await existingId(db, hash);
  if (existing !== null) return existing;
  const id = await insertRecord(db, hash, partName, bytes.byteLength, now);
  await db
    .insertInto('stored_file_part')
    .values({ file_id: id, container_id: containerId, part_name: partName })
    .execute();
  return id;
}

/** How a container's parts are taken out of it (an e-mail's attachments, a zip's entries). */
export type PartReader = (container: {
  name: string;
  bytes: Uint8Array;
}) => Promise<{ fileName: string; bytes: Uint8Array }[]>;

/** An original as it was received, by its record's id; a part is taken out of its container again. */
export async function readOriginal(
  db: Db,
  fileId: number,
  readParts?: PartReader,
  depth = 0,
): Promise<{ name: string; bytes: Uint8Array }> {
  const row = await db
    .selectFrom('stored_file as f')
    .leftJoin('stored_file_content as c', 'c.file_id', 'f.id')
    .leftJoin('stored_file_part as p', 'p.file_id', 'f.id')
    .select(['f.original_name', 'f.sha256', 'c.content', 'p.container_id', 'p.part_name'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Không còn tệp gốc số ${fileId} trong dữ liệu.`);
  let bytes: Uint8Array | null = row.content;
  if (!bytes && row.container_id !== null && readParts && depth < 3) {
    const container = await readOriginal(db, row.container_id, readParts, depth + 1);
    bytes =
      (await readParts(container)).find((p) => p.fileName === row.part_name && sha256(p.bytes) === row.sha256)?.bytes ??
      null;
  }
  if (!bytes) throw new AppError('not-found', `Không còn tệp gốc "${row.original_name}" trong dữ liệu.`);
  if (sha256(bytes) !== row.sha256)
    throw new AppError('database', `Tệp gốc "${row.original_name}" không còn đúng như khi nhận (sai mã kiểm tra).`);
  return { name: row.original_name, bytes };
}
