import type { Db } from '../schema';

/** What is known of a database brought in before: by its identity, not its file name. */
export async function findOfficeSource(db: Db, databaseId: string) {
  return db.selectFrom('office_source').selectAll().where('database_id', '=', databaseId).executeTakeFirst();
}

export interface SourceSeen {
  label: string;
  fileName: string;
  sha256: string;
  now: string;
}

export async function insertOfficeSource(db: Db, databaseId: string, seen: SourceSeen): Promise<number> {
  return (
    await db
      .insertInto('office_source')
      .values({
        database_id: databaseId,
        label: seen.label,
        file_name: seen.fileName,
        file_sha256: seen.sha256,
        first_imported_at: seen.now,
        last_imported_at: seen.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A later copy of a database brought in: its label, file and when. */
export async function updateOfficeSource(db: Db, id: number, seen: SourceSeen): Promise<void> {
  await db
    .updateTable('office_source')
    .set({ label: seen.label, file_name: seen.fileName, file_sha256: seen.sha256, last_imported_at: seen.now })
    .where('id', '=', id)
    .execute();
}
