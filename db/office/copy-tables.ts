/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { ForeignRecords } from './foreign-records';
import { OFFICE_MAP_PREFIX, OTHER_OFFICE } from './attach-other-office';
import type { OfficeImportResult } from '../../shared/domain/office-import';

export type Row = Record<string, any> & { id: number };
export type Link = Record<string, any>;

export interface CopyInput {
  trx: Transaction<Database>;
  /** The other office's database (a private, upgraded copy), also attached to this connection as OTHER_OFFICE. */
  src: BetterSqlite3.Database;
  map: ForeignRecords;
  sourceId: number;
  /** The other office's province ("Tỉnh Kon Tum"), put after its forms' and rounds' names. */
  label: string;
  now: string;
}

/** What the copy did; the rest of the result is the caller's. */
export type CopyOutcome = Pick<
  OfficeImportResult,
  'counts' | 'renamedUnits' | 'linkedIndicators' | 'unlinkedIndicators' | 'conflicts' | 'notes'
>;

export interface TableOptions {
  /** Columns pointing into the same table, set once all its rows exist. */
  selfRefs?: string[];
  /** The row already here that this one is (then it is found, not copied). */
  find?: (row: Row) => Promise<number | undefined> | number | undefined;
  /** Changes to the values written (a code renamed, a name marked with the other province). */
  shape?: (row: Row, values: Record<string, unknown>) => Promise<void> | void;
}

/** The tools every step of the copy uses, over one transaction and the other office's database. */
export interface Copier {
  db: Kysely<any>;
  src: BetterSqlite3.Database;
  map: ForeignRecords;
  input: CopyInput;
  out: CopyOutcome;
  /** A table of the other database, every row in order. */
  all: (table: string) => Row[];
  /** A foreign reference as a local one; `null` stays `null`; one not brought in yet is a bug. */
  ref: (table: string, id: number | null) => number | null;
  /** A foreign reference as a local one, or `null` when it was not brought in. */
  refOrNull: (table: string, id: number | null) => number | null;
  insert: (table: string, values: Record<string, unknown>) => Promise<number>;
  /** Inserts a row of a link table unless it is already here; 1 when added. */
  insertLink: (table: string, values: Link) => Promise<number>;
  /**
   * Adds a table's rows not yet brought in, each with its references made local (`refs`: column →
   * table); `selfRefs` point into the same table and are set once all its rows exist. Row by row, for
   * tables whose rows need decisions of their own (`find`, `shape`, `selfRefs`).
   */
  copyTable: (table: string, refs: Record<string, string>, options?: TableOptions) => Promise<Row[]>;
  /**
   * The same for a table whose rows need no decision of their own, in a few statements over the
   * attached database (a round's 40,000 figures in one INSERT … SELECT). `matchOn`: a column whose
   * value, equal here, means the row is already here (found, not added); `selfRefs` point into the same
   * table; `referredOneByOne` keeps the ids in memory too, for a later copyTable or ref() to use.
   * Returns how many were added.
   */
  copyRows: (
    table: string,
    refs: Record<string, string>,
    options?: { matchOn?: string; selfRefs?: string[]; referredOneByOne?: boolean },
  ) => Promise<number>;
  /** Adds the rows of a link table whose references are all here; a link already here is left. */
  copyLinks: (
    table: string,
    refs: Record<string, string>,
    keep?: (row: Link) => boolean,
    optional?: string[],
  ) => Promise<number>;
  /**
   * The same for a large link table, in one statement: `addedWith` keeps only the rows whose column
   * points at a row of that table added by this import.
   */
  copyLinkRows: (
    table: string,
    refs: Record<string, string>,
    options?: { addedWith?: [column: string, table: string]; optional?: string[] },
  ) => Promise<number>;
}

/** Table and column names go into statements: they are this code's own constants, checked all the same. */
const name = (n: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`tên bảng hoặc cột không hợp lệ: ${n}`);
  return n;
};

/** A copier over the import's transaction, recording into `out`. */
export function createCopier(input: CopyInput, out: CopyOutcome): Copier {
  const { trx, src, map } = input;
  const db = trx as unknown as Kysely<any>;
  const all = (table: string): Row[] => src.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];

  /** The local row of a foreign one, as remembered; a table copied in SQL alone was never remembered: a bug. */
  const remembered = (table: string, id: number): number | undefined => {
    if (onlyInSql.has(table))
      throw new Error(`${table} được chép bằng SQL mà không giữ mã trong bộ nhớ: cần referredOneByOne`);
    return map.get(table, id);
  };
  /** A foreign reference as a local one; `null` stays `null`. */
  const ref = (table: string, id: number | null): number | null => {
    if (id === null || id === undefined) return null;
    const local = remembered(table, id);
    if (local === undefined) throw new Error(`${table} ${id} chưa được chép`);
    return local;
  };
  const refOrNull = (table: string, id: number | null): number | null =>
    id === null ? null : (remembered(table, id) ?? null);

  const insert = async (table: string, values: Record<string, unknown>): Promise<number> =>
    (await db.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;
  const insertLink = async (table: string, values: Link): Promise<number> =>
    Number((await db.insertInto(table).values(values).orIgnore().executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n);

  /**
   * Adds a table's rows not yet brought in, each with its references made local (`refs`: column →
   * table); `selfRefs` point into the same table and are set once all its rows exist.
   */
  async function copyTable(table: string, refs: Record<string, string>, options: TableOptions = {}): Promise<Row[]> {
    const added: Row[] = [];
    const selfRefs = options.selfRefs ?? [];
    for (const row of all(table)) {
      if (map.get(table, row.id) !== undefined) continue;
      const existing = await options.find?.(row);
      if (existing !== undefined) {
        await map.set(table, row.id, existing, 'found');
        continue;
      }
      const { id: _id, ...values } = row;
      for (const [column, target] of Object.entries(refs)) values[column] = ref(target, row[column]);
      for (const column of selfRefs) values[column] = null;
      await options.shape?.(row, values);
      await map.set(table, row.id, await insert(table, values), 'added');
      added.push(row);
    }
    for (const row of added) {
      const set: Record<string, number | null> = {};
      for (const column of selfRefs) if (row[column] !== null) set[column] = ref(table, row[column]);
      if (Object.keys(set).length > 0)
        await db.updateTable(table).set(set).where('id', '=', map.get(table, row.id)!).execute();
    }
    return added;
  }

  /** Adds the rows of a link table whose references are all here; a link already here is left. */
  async function copyLinks(
    table: string,
    refs: Record<string, string>,
    keep: (row: Link) => boolean = () => true,
    optional: string[] = [],
  ): Promise<number> {
    let n = 0;
    for (const row of src.prepare(`SELECT * FROM ${table}`).all() as Link[]) {
      if (!keep(row)) continue;
      const values = { ...row };
      let complete = true;
      for (const [column, target] of Object.entries(refs)) {
        const local = refOrNull(target, row[column]);
        if (local === null && row[column] !== null && !optional.includes(column)) complete = false;
        values[column] = local;
      }
      if (complete) n += await insertLink(table, values);
    }
    return n;
  }

  const run = async (statement: string) => sql.raw(statement).execute(db);
  const source = Number(input.sourceId);
  const columnInfo = async (table: string) =>
    (
      await sql<{ name: string; notnull: number }>`SELECT name, "notnull" FROM pragma_table_info(${table})`.execute(db)
    ).rows.map((c) => ({ name: name(c.name), notNull: c.notnull === 1 }));
  const columnsOf = async (table: string): Promise<string[]> => (await columnInfo(table)).map((c) => c.name);

  /**
   * A table's foreign ids and what they are here, as a temporary table keyed by the foreign id, for the
   * set-based copies to join: what earlier imports brought, then what this one adds (state 1) or finds
   * (state 2). Brought up to date when rows of the table were recorded one by one since.
   */
  const loadedAt = new Map<string, number>();
  async function mapOf(table: string): Promise<string> {
    const t = name(table);
    const temp = `temp.${OFFICE_MAP_PREFIX}${t}`;
    if (loadedAt.get(t) === map.version(t)) return temp;
    if (!loadedAt.has(t))
      await run(
        `CREATE TEMP TABLE ${OFFICE_MAP_PREFIX}${t} (foreign_id INTEGER PRIMARY KEY, local_id INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0)`,
      );
    // Rows already here keep their state (added or found by this import); those recorded since join them.
    await run(
      `INSERT OR IGNORE INTO ${temp} (foreign_id, local_id)
       SELECT foreign_id, local_id FROM main.foreign_record WHERE source_id = ${source} AND table_name IN ('${t}', '${t}:found')`,
    );
    loadedAt.set(t, map.version(t));
    return temp;
  }
  /** Rows this import recorded in a table's map (state 1 added, 2 found): into foreign_record, and remembered. */
  /** Tables copied in SQL whose ids were not brought into memory (nothing refers to them one by one). */
  const onlyInSql = new Set<string>();
  async function record(table: string, temp: string, state: 1 | 2, inMemory: boolean): Promise<number> {
    const how = state === 1 ? 'added' : 'found';
    const written = await run(
      `INSERT INTO main.foreign_record (source_id, table_name, foreign_id, local_id)
       SELECT ${source}, '${state === 1 ? table : `${table}:found`}', foreign_id, local_id FROM ${temp} WHERE state = ${state}`,
    );
    if (inMemory) {
      const rows = (
        await sql<{ foreign_id: number; local_id: number }>`${sql.raw(
          `SELECT foreign_id, local_id FROM ${temp} WHERE state = ${state}`,
        )}`.execute(db)
      ).rows;
      map.remember(table, how, rows);
    } else onlyInSql.add(table);
    loadedAt.set(table, map.version(table));
    return Number(written.numAffectedRows ?? 0n);
  }

  async function copyRows(
    table: string,
    refs: Record<string, string>,
    options: { matchOn?: string; selfRefs?: string[]; referredOneByOne?: boolean } = {},
  ): Promise<number> {
    const t = name(table);
    const inMemory = options.referredOneByOne ?? false;
    const temp = await mapOf(t);
    if (options.matchOn) {
      const m = name(options.matchOn);
      await run(
        `INSERT INTO ${temp} (foreign_id, local_id, state)
         SELECT s.id, (SELECT min(l.id) FROM main.${t} l WHERE l.${m} = s.${m}), 2
         FROM ${OTHER_OFFICE}.${t} s
         WHERE s.${m} IS NOT NULL AND s.id NOT IN (SELECT foreign_id FROM ${temp})
           AND EXISTS (SELECT 1 FROM main.${t} l WHERE l.${m} = s.${m})`,
      );
      await record(t, temp, 2, inMemory);
    }
    await run(
      `INSERT INTO ${temp} (foreign_id, local_id, state)
       SELECT s.id, (SELECT coalesce(max(id), 0) FROM main.${t}) + row_number() OVER (ORDER BY s.id), 1
       FROM ${OTHER_OFFICE}.${t} s WHERE s.id NOT IN (SELECT foreign_id FROM ${temp})`,
    );
    // A self-reference points into the same map: every new row has its id before any is written.
    const allRefs = { ...refs, ...Object.fromEntries((options.selfRefs ?? []).map((c) => [c, t])) };
    const refMaps = new Map<string, string>([[t, temp]]);
    for (const target of new Set(Object.values(refs))) if (target !== t) refMaps.set(target, await mapOf(target));
    const localOf = (column: string) =>
      `(SELECT m.local_id FROM ${refMaps.get(allRefs[column]!)} m WHERE m.foreign_id = s.${name(column)})`;
    // A reference that finds nothing here is a bug: a NOT NULL column refuses it by itself; the others are checked.
    const info = await columnInfo(t);
    const nullable = new Set(info.filter((c) => !c.notNull).map((c) => c.name));
    const refColumns = Object.keys(allRefs).filter((c) => nullable.has(c));
    if (refColumns.length > 0) {
      const missing = await sql<{ id: number }>`${sql.raw(
        `SELECT s.id FROM ${temp} a JOIN ${OTHER_OFFICE}.${t} s ON s.id = a.foreign_id
         WHERE a.state = 1 AND (${refColumns.map((c) => `(s.${name(c)} IS NOT NULL AND ${localOf(c)} IS NULL)`).join(' OR ')})
         LIMIT 1`,
      )}`.execute(db);
      if (missing.rows.length > 0) throw new Error(`${t} ${missing.rows[0]!.id}: tham chiếu chưa được chép`);
    }
    const columns = info.map((c) => c.name).filter((c) => c !== 'id');
    await run(
      `INSERT INTO main.${t} (id, ${columns.join(', ')})
       SELECT a.local_id, ${columns.map((c) => (allRefs[c] ? localOf(c) : `s.${c}`)).join(', ')}
       FROM ${temp} a JOIN ${OTHER_OFFICE}.${t} s ON s.id = a.foreign_id
       WHERE a.state = 1`,
    );
    return record(t, temp, 1, inMemory);
  }

  async function copyLinkRows(
    table: string,
    refs: Record<string, string>,
    options: { addedWith?: [column: string, table: string]; optional?: string[] } = {},
  ): Promise<number> {
    const t = name(table);
    const columns = await columnsOf(t);
    const refMaps = new Map<string, string>();
    for (const target of new Set(Object.values(refs))) refMaps.set(target, await mapOf(target));
    const localOf = (column: string) =>
      `(SELECT m.local_id FROM ${refMaps.get(refs[column]!)} m WHERE m.foreign_id = s.${name(column)})`;
    const conditions = Object.keys(refs)
      .filter((c) => !options.optional?.includes(c))
      .map((c) => `(s.${name(c)} IS NULL OR ${localOf(c)} IS NOT NULL)`);
    if (options.addedWith) {
      const [c, target] = options.addedWith;
      conditions.push(`s.${name(c)} IN (SELECT foreign_id FROM ${await mapOf(target)} WHERE state = 1)`);
    }
    const result = await run(
      `INSERT OR IGNORE INTO main.${t} (${columns.join(', ')})
       SELECT ${columns.map((c) => (refs[c] ? localOf(c) : `s.${c}`)).join(', ')} FROM ${OTHER_OFFICE}.${t} s
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}`,
    );
    return Number(result.numAffectedRows ?? 0n);
  }

  return {
    db,
    src,
    map,
    input,
    out,
    all,
    ref,
    refOrNull,
    insert,
    insertLink,
    copyTable,
    copyLinks,
    copyRows,
    copyLinkRows,
  };
}
