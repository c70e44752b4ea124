import { sql, type Kysely } from 'kysely';

/**
 * A message the clerk has dealt with without importing figures (a question about the form, a reply
 * that only says "đã nhận"): when, and the clerk's note saying why. Its import status is kept as it
 * was, so "Mở lại để xem xét" returns it to review.
 */
const statements = [
  `ALTER TABLE email_message ADD COLUMN handled_at TEXT`,
  `ALTER TABLE email_message ADD COLUMN handled_note TEXT CHECK (handled_note IS NULL OR length(handled_note) BETWEEN 1 AND 500)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
