/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import type { ForeignRecords } from './foreign-records';
import type { OfficeImportResult } from '../../shared/domain/office-import';

export type Row = Record<string, any> & { id: number };
export type Link = Record<string, any>;

export interface CopyInput {
  trx: Transaction<Database>;
  /** The other office's database (a private, upgraded copy). */
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
   * table); `selfRefs` point into the same table and are set once all its rows exist.
   */
  copyTable: (table: string, refs: Record<string, string>, options?: TableOptions) => Promise<Row[]>;
  /** Adds the rows of a link table whose references are all here; a link already here is left. */
  copyLinks: (
    table: string,
    refs: Record<string, string>,
    keep?: (row: Link) => boolean,
    optional?: string[],
  ) => Promise<number>;
}

/** A copier over the import's transaction, recording into `out`. */
export function createCopier(input: CopyInput, out: CopyOutcome): Copier {
  const { trx, src, map } = input;
  const db = trx as unknown as Kysely<any>;
  const all = (table: string): Row[] => src.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];

  /** A foreign reference as a local one; `null` stays `null`. */
  const ref = (table: string, id: number | null): number | null => {
    if (id === null || id === undefined) return null;
    const local = map.get(table, id);
    if (local === undefined) throw new Error(`${table} ${id} chưa được chép`);
    return local;
  };
  const refOrNull = (table: string, id: number | null): number | null =>
    id === null ? null : (map.get(table, id) ?? null);

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

  return { db, src, map, input, out, all, ref, refOrNull, insert, insertLink, copyTable, copyLinks };
}
