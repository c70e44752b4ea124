import crypto from 'node:crypto';
import type { Db } from '../../../db/schema';
import {
  findStoredFileId,
  getStoredFile,
  insertStoredContent,
  insertStoredFile,
  insertStoredPart,
} from '../../../db/files/repo';
import { AppError } from '../../../shared/errors';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
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
  const existing = await findStoredFileId(db, hash);
  if (existing !== null) return existing;
  const id = await insertStoredFile(db, { sha256: hash, name: originalName, size: bytes.byteLength, now });
  // better-sqlite3 binds Buffers as blobs; bytes that crossed from a worker arrive as a plain Uint8Array.
  const content = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await insertStoredContent(db, id, content);
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
  const existing = await findStoredFileId(db, hash);
  if (existing !== null) return existing;
  const id = await insertStoredFile(db, { sha256: hash, name: partName, size: bytes.byteLength, now });
  await insertStoredPart(db, { fileId: id, containerId, partName });
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
  const row = await getStoredFile(db, fileId);
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
