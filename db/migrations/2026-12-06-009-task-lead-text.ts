import { sql, type Kysely } from 'kysely';

/**
 * A task's lead agency as the plan writes it ("Sở Y tế"), kept whether or not it matched one of the
 * office's units: an agency not in the unit list is never dropped, and can be matched later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE task ADD COLUMN lead_text TEXT CHECK (lead_text IS NULL OR length(lead_text) BETWEEN 1 AND 300)`.execute(
    db,
  );
}
