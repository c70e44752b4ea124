import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

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
