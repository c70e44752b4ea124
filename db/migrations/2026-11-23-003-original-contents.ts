import { sql, type Kysely } from 'kysely';

/**
 * Original files are kept inside the database, beside their record: written in the same transaction
 * as the import that received them, and included in every backup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE stored_file_content (
    file_id INTEGER PRIMARY KEY REFERENCES stored_file(id) ON DELETE CASCADE,
    content BLOB NOT NULL
  ) STRICT`.execute(db);
}
