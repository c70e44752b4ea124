import { sql, type Kysely } from 'kysely';

/**
 * Where a change of units came from: the original file (the statistics office's list) kept with it.
 *
 * Another office's database brought into this one (two former provinces in one after the 2025 merger):
 * - each database has an identity of its own, made once, kept by its copies and backups;
 * - each database brought in is remembered with its identity and the file last read from it;
 * - each of its rows is remembered with the row it became (or was found to be) here, so bringing the
 *   same database in again adds only what is new, and nothing twice.
 */
const statements = [
  `ALTER TABLE org_unit_event ADD COLUMN source_file_id INTEGER REFERENCES stored_file(id)`,
  `INSERT OR IGNORE INTO app_setting (key, value) VALUES ('database.id', lower(hex(randomblob(16))))`,
  `CREATE TABLE office_source (
    id INTEGER PRIMARY KEY,
    database_id TEXT NOT NULL UNIQUE CHECK (length(database_id) BETWEEN 1 AND 100),
    label TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    first_imported_at TEXT NOT NULL,
    last_imported_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE foreign_record (
    source_id INTEGER NOT NULL REFERENCES office_source(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    foreign_id INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    PRIMARY KEY (source_id, table_name, foreign_id)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
