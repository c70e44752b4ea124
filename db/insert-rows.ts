import { CompiledQuery, type Insertable } from 'kysely';
import type { Database, Db } from './schema';

/** Rows per INSERT statement: a few columns × 500 rows stays well under SQLite's 32,766 parameters. */
const CHUNK = 500;

const sqlByShape = new Map<string, string>();

/**
 * The multi-row INSERT of `n` rows into `table`, built by kysely once per shape and then reused:
 * compiling a 75-row insert on every reply cost more than running it.
 */
function insertSql<T extends keyof Database>(
  db: Db,
  table: T,
  columns: readonly (keyof Insertable<Database[T]>)[],
  n: number,
  returning: readonly string[],
): string {
  const key = `${table}|${columns.join(',')}|${n}|${returning.join(',')}`;
  let text = sqlByShape.get(key);
  if (!text) {
    const placeholder = Object.fromEntries(columns.map((c) => [c, null])) as Insertable<Database[T]>;
    const insert = db.insertInto(table).values(Array.from({ length: n }, () => placeholder));
    text = (returning.length > 0 ? insert.returning(returning as never) : insert).compile().sql;
    sqlByShape.set(key, text);
  }
  return text;
}

/**
 * Inserts rows in multi-row statements whose text is compiled once per size; `returning` columns
 * come back in the order of the rows. The caller owns the transaction.
 */
export async function insertRows<T extends keyof Database, R = never>(
  db: Db,
  table: T,
  columns: readonly (keyof Insertable<Database[T]>)[],
  rows: readonly Insertable<Database[T]>[],
  returning: readonly string[] = [],
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk)
      for (const c of columns) parameters.push((row as Record<string, unknown>)[c as string] ?? null);
    const result = await db.executeQuery<R>(
      CompiledQuery.raw(insertSql(db, table, columns, chunk.length, returning), parameters),
    );
    out.push(...result.rows);
  }
  return out;
}
