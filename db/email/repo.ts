import type { Insertable } from 'kysely';
import type { Database, Db } from '../schema';
import type { InboxMessage } from '../../shared/domain/inbox';

export interface EarlierMessage {
  id: number;
  importedAt: string;
  roundId: number | null;
}

/** The message already received as exactly these bytes (the kept original's checksum). */
export async function findMessageByFile(db: Db, sha256: string): Promise<EarlierMessage | null> {
  const row = await db
    .selectFrom('email_message as m')
    .innerJoin('stored_file as f', 'f.id', 'm.source_file_id')
    .select(['m.id', 'm.imported_at', 'm.round_id'])
    .where('f.sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { id: row.id, importedAt: row.imported_at, roundId: row.round_id } : null;
}

export interface EarlierCopy extends EarlierMessage {
  /** Whether any figures were stored from it (a revision came of it). */
  hasFigures: boolean;
  /** Its attachments' checksums and names. */
  attachments: { sha256: string; name: string }[];
}

/** The message already received under this Message-ID, with what came of it, to compare with another copy. */
export async function findMessageByMessageId(db: Db, messageId: string): Promise<EarlierCopy | null> {
  const row = await db
    .selectFrom('email_message')
    .select(['id', 'imported_at', 'round_id'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (!row) return null;
  const revision = await db
    .selectFrom('submission_revision')
    .select('id')
    .where('email_message_id', '=', row.id)
    .executeTakeFirst();
  const attachments = await db
    .selectFrom('email_attachment as a')
    .innerJoin('stored_file as f', 'f.id', 'a.file_id')
    .select(['f.sha256', 'a.file_name'])
    .where('a.message_id', '=', row.id)
    .execute();
  return {
    id: row.id,
    importedAt: row.imported_at,
    roundId: row.round_id,
    hasFigures: revision !== undefined,
    attachments: attachments.map((a) => ({ sha256: a.sha256, name: a.file_name })),
  };
}

export type MessageFields = Insertable<Database['email_message']>;

/** Records a message received; returns its row id. */
export async function insertMessage(db: Db, fields: MessageFields): Promise<number> {
  return (await db.insertInto('email_message').values(fields).returning('id').executeTakeFirstOrThrow()).id;
}

/** Rewrites what is recorded of a message (a review's outcome, or a fuller copy now pointed at). */
export async function updateMessage(db: Db, id: number, fields: Partial<MessageFields>): Promise<void> {
  await db.updateTable('email_message').set(fields).where('id', '=', id).execute();
}

/** Links a kept file to the message it came attached to (once). */
export async function linkAttachment(db: Db, messageId: number, fileId: number, fileName: string): Promise<void> {
  await db
    .insertInto('email_attachment')
    .values({ message_id: messageId, file_id: fileId, file_name: fileName })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every message or file received, newest first, with what became of it. */
export async function listInboxRows(db: Db): Promise<InboxMessage[]> {
  const rows = await db
    .selectFrom('email_message as m')
    .leftJoin('org_unit as u', 'u.id', 'm.unit_id')
    .leftJoin('report_round as r', 'r.id', 'm.round_id')
    .leftJoin('stored_file as f', 'f.id', 'm.source_file_id')
    .select([
      'm.id',
      'm.source',
      'm.source_file_id',
      'f.original_name',
      'm.from_address',
      'm.from_name',
      'm.subject',
      'm.sent_at',
      'm.imported_at',
      'm.status',
      'm.unit_id',
      'u.name as unit_name',
      'm.round_id',
      'r.name as round_name',
      'm.problem',
      'm.handled_at',
      'm.handled_note',
    ])
    .orderBy('m.imported_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const attachments = await db.selectFrom('email_attachment').select(['message_id', 'file_name']).execute();
  const byMessage = new Map<number, string[]>();
  for (const a of attachments) byMessage.set(a.message_id, [...(byMessage.get(a.message_id) ?? []), a.file_name]);
  return rows.map((r) => ({
    id: r.id,
    sourceFileId: r.source_file_id,
    source: r.source,
    fileName: r.original_name,
    fromAddress: r.from_address,
    fromName: r.from_name,
    subject: r.subject,
    sentAt: r.sent_at,
    importedAt: r.imported_at,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roundId: r.round_id,
    roundName: r.round_name,
    notes: r.problem ? r.problem.split('\n') : [],
    attachments: byMessage.get(r.id) ?? [],
    handled: r.handled_at !== null ? { at: r.handled_at, note: r.handled_note ?? '' } : null,
  }));
}

/** A message's record: where its original is kept, and the round it was read against. */
export async function getMessageRecord(db: Db, id: number) {
  return db
    .selectFrom('email_message')
    .select(['id', 'source_file_id', 'round_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks a message as dealt with without figures (with the clerk's note), or returns it to review (null). */
export async function setMessageHandled(
  db: Db,
  id: number,
  handled: { at: string; note: string } | null,
): Promise<void> {
  await db
    .updateTable('email_message')
    .set({ handled_at: handled?.at ?? null, handled_note: handled?.note ?? null })
    .where('id', '=', id)
    .execute();
}

/** A message's import status and whether it was dealt with, if there is such a message. */
export async function getMessageState(db: Db, id: number) {
  return db.selectFrom('email_message').select(['id', 'status', 'handled_at']).where('id', '=', id).executeTakeFirst();
}
