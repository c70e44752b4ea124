import { sql, type Kysely } from 'kysely';

/**
 * Original files are kept inside the database, beside their record: written in the same transaction
 * as the import that received them, and included in every backup. A file that arrived inside another
 * (an e-mail's attachment, a zip's entry) is kept as a part of it rather than a second copy.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE stored_file_content (
    file_id INTEGER PRIMARY KEY REFERENCES stored_file(id) ON DELETE CASCADE,
    content BLOB NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE stored_file_part (
    file_id INTEGER PRIMARY KEY REFERENCES stored_file(id) ON DELETE CASCADE,
    container_id INTEGER NOT NULL REFERENCES stored_file(id),
    part_name TEXT NOT NULL,
    CHECK (container_id <> file_id)
  ) STRICT`.execute(db);
}
