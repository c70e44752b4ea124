import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database, NewDataValue } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = [
  'submission_id', 'indicator_id', 'num_value', 'text_value', 'revision_id',
  'source_file_id', 'source_sheet', 'source_cell', 'comment', 'updated_at',
] as const satisfies readonly (keyof NewDataValue)[];

/** Rows per INSERT statement: 10 columns × 500 rows stays well under SQLite's 32,766 parameters. */
const CHUNK = 500;

const sqlByRowCount = new Map<number, string>();

/** The multi-row INSERT for `n` rows, built by kysely once per size and then reused. */
function insertSql(db: Db, n: number): string {
  let text = sqlByRowCount.get(n);
  if (!text) {
    const placeholder = Object.fromEntries(COLUMNS.map((c) => [c, null])) as unknown as NewDataValue;
    text = db.insertInto('data_value').values(Array.from({ length: n }, () => placeholder)).compile().sql;
    sqlByRowCount.set(n, text);
  }
  return text;
}

/**
 * Inserts many values in multi-row statements. The caller owns the transaction (one per file
 * imported), so a failure part-way leaves nothing behind. The statement text is compiled once per
 * chunk size: compiling a 500-row insert per chunk cost more than the insert itself.
 */
export async function insertDataValues(db: Db, rows: readonly NewDataValue[]): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const c of COLUMNS) parameters.push(row[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(insertSql(db, chunk.length), parameters));
  }
  return rows.length;
}

export async function countDataValues(db: Db): Promise<number> {
  const r = await db.selectFrom('data_value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
