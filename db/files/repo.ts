import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

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
