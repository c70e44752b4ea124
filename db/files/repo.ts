import type { Db } from '../schema';

/**
 * The files that came inside a kept container: its own parts (an e-mail's attachments, a zip's
 * entries) and, for an e-mail, the attachments recorded with it (a file kept once already, as the
 * part of an earlier message, is linked rather than kept twice).
 */
export async function listContainedFiles(db: Db, containerId: number): Promise<{ fileId: number; name: string }[]> {
  const parts = await db
    .selectFrom('stored_file_part')
    .select(['file_id', 'part_name'])
    .where('container_id', '=', containerId)
    .orderBy('file_id')
    .execute();
  const attached = await db
    .selectFrom('email_attachment as a')
    .innerJoin('email_message as m', 'm.id', 'a.message_id')
    .select(['a.file_id', 'a.file_name'])
    .where('m.source_file_id', '=', containerId)
    .where('a.file_id', '<>', containerId)
    .orderBy('a.file_id')
    .execute();
  const seen = new Set<string>();
  return [
    ...parts.map((p) => ({ fileId: p.file_id, name: p.part_name })),
    ...attached.map((a) => ({ fileId: a.file_id, name: a.file_name })),
  ].filter((f) => {
    const key = `${f.fileId}/${f.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The kept file with this checksum, if any. */
export async function findStoredFileId(db: Db, sha256: string): Promise<number | null> {
  return (await db.selectFrom('stored_file').select('id').where('sha256', '=', sha256).executeTakeFirst())?.id ?? null;
}

/** Records a kept file (its name only recorded, cut to 255 characters); returns its id. */
export async function insertStoredFile(
  db: Db,
  f: { sha256: string; name: string; size: number; now: string },
): Promise<number> {
  return (
    await db
      .insertInto('stored_file')
      .values({
        sha256: f.sha256,
        size: f.size,
        original_name: f.name.slice(0, 255),
        media_type: null,
        stored_at: f.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertStoredContent(db: Db, fileId: number, content: Uint8Array): Promise<void> {
  await db.insertInto('stored_file_content').values({ file_id: fileId, content }).execute();
}

/** Records a file as a part of a kept container (an attachment, a zip entry), read back from it when needed. */
export async function insertStoredPart(
  db: Db,
  p: { fileId: number; containerId: number; partName: string },
): Promise<void> {
  await db
    .insertInto('stored_file_part')
    .values({ file_id: p.fileId, container_id: p.containerId, part_name: p.partName })
    .execute();
}

/** A kept file's record with its bytes (when kept whole) or its container and part name. */
export async function getStoredFile(db: Db, fileId: number) {
  return db
    .selectFrom('stored_file as f')
    .leftJoin('stored_file_content as c', 'c.file_id', 'f.id')
    .leftJoin('stored_file_part as p', 'p.file_id', 'f.id')
    .select(['f.original_name', 'f.sha256', 'c.content', 'p.container_id', 'p.part_name'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
}

/** A kept file's name and when it was kept. */
export async function getStoredFileRecord(db: Db, fileId: number) {
  return db
    .selectFrom('stored_file')
    .select(['original_name', 'stored_at'])
    .where('id', '=', fileId)
    .executeTakeFirst();
}
