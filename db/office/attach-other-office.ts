import { sql } from 'kysely';
import type { Db } from '../schema';

/** The schema name the other office's database is attached under while it is brought in. */
export const OTHER_OFFICE = 'other_office';
/** Temporary tables of foreign ids and local ones, one per table copied or referred to. */
export const OFFICE_MAP_PREFIX = 'office_map_';

/**
 * Runs `work` with the other office's database (`file`, the private upgraded copy) attached to this
 * connection, so rows can be copied in INSERT … SELECT statements. SQLite attaches only outside a
 * transaction: `work` opens its own. The attachment and the temporary tables go whatever happens.
 */
export async function withOtherOfficeAttached<T>(db: Db, file: string, work: () => Promise<T>): Promise<T> {
  await sql`ATTACH DATABASE ${file} AS ${sql.raw(OTHER_OFFICE)}`.execute(db);
  // The id maps are scratch: in memory, not in a temporary file.
  const store = (await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(db)).rows[0]?.temp_store ?? 0;
  await sql`PRAGMA temp_store = MEMORY`.execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA temp_store = ${Number(store)}`).execute(db);
    const temps = await sql<{ name: string }>`SELECT name FROM temp.sqlite_master
      WHERE type = 'table' AND name LIKE ${`${OFFICE_MAP_PREFIX}%`}`.execute(db);
    for (const t of temps.rows) await sql`DROP TABLE temp.${sql.id(t.name)}`.execute(db);
    await sql.raw(`DETACH DATABASE ${OTHER_OFFICE}`).execute(db);
  }
}
