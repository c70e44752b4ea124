import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from './connection';

/**
 * A database's structure (tables, columns, indexes, triggers, views, as SQLite keeps their SQL)
 * compared with what this version's migrations make. A backup or another office's file with
 * anything added or changed (a trigger that rewrites imported figures, an index that hides a
 * constraint) is refused before anything is copied from it.
 */
export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

export type Schema = Map<string, SchemaObject>;

const kindNames: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' };

/** SQLite's own objects (sqlite_*, automatic indexes) are left out; SQL text is compared with its spaces folded. */
export function readSchema(sqlite: BetterSqlite3.Database): Schema {
  const rows = sqlite
    .prepare(
      "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL",
    )
    .all() as { type: string; name: string; tbl: string; sql: string }[];
  return new Map(
    rows.map((r) => [
      `${r.type} ${r.name}`,
      { type: r.type, name: r.name, table: r.tbl, sql: r.sql.replace(/\s+/g, ' ').trim() },
    ]),
  );
}

let expected: Promise<Schema> | null = null;

/** What this version's migrations make, from a fresh database in memory (made once). */
export function expectedSchema(): Promise<Schema> {
  expected ??= (async () => {
    const fresh = await openDatabase(':memory:');
    try {
      return readSchema(fresh.sqlite);
    } finally {
      await fresh.close();
    }
  })();
  return expected;
}

/** Every difference, in Vietnamese: objects added, missing, or defined otherwise. Empty when the same. */
export function schemaDifferences(actual: Schema, want: Schema): string[] {
  const out: string[] = [];
  const label = (o: SchemaObject) =>
    `${kindNames[o.type] ?? o.type} "${o.name}"${o.type !== 'table' && o.table ? ` (trên bảng ${o.table})` : ''}`;
  for (const [key, o] of actual) {
    const w = want.get(key);
    if (!w) out.push(`có thêm ${label(o)} không do phần mềm tạo`);
    else if (w.sql !== o.sql) out.push(`${label(o)} khác với phần mềm (cột, ràng buộc hoặc nội dung đã bị sửa)`);
  }
  for (const [key, w] of want) if (!actual.has(key)) out.push(`thiếu ${label(w)}`);
  return out;
}
