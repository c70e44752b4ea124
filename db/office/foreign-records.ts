import type { Db } from '../schema';

const found = (table: string) => `${table}:found`;

/**
 * The rows of another office's database and the rows they are here, for one source: what was
 * brought in before is found again, so bringing the same database in twice adds nothing.
 */
export class ForeignRecords {
  /** How many rows were recorded one by one, per table: a copy made in SQL knows when its view is stale. */
  private readonly recorded = new Map<string, number>();

  private constructor(
    private readonly db: Db,
    private readonly sourceId: number,
    private readonly byTable: Map<string, Map<number, number>>,
  ) {}

  /** Changes whenever a row of `table` is recorded by set(). */
  version(table: string): number {
    return this.recorded.get(table) ?? 0;
  }

  static async load(db: Db, sourceId: number): Promise<ForeignRecords> {
    const rows = await db
      .selectFrom('foreign_record')
      .select(['table_name', 'foreign_id', 'local_id'])
      .where('source_id', '=', sourceId)
      .execute();
    const byTable = new Map<string, Map<number, number>>();
    for (const r of rows) {
      let m = byTable.get(r.table_name);
      if (!m) byTable.set(r.table_name, (m = new Map<number, number>()));
      m.set(r.foreign_id, r.local_id);
    }
    return new ForeignRecords(db, sourceId, byTable);
  }

  /** The local row a foreign row became or was found to be. */
  get(table: string, foreignId: number): number | undefined {
    return this.byTable.get(table)?.get(foreignId) ?? this.byTable.get(found(table))?.get(foreignId);
  }

  /** Whether the foreign row was found already here (a unit by its official code, a file by its checksum) rather than added. */
  wasFound(table: string, foreignId: number): boolean {
    return this.byTable.get(found(table))?.has(foreignId) ?? false;
  }

  /** The local rows added for a table's foreign rows (not those found already here). */
  added(table: string): Set<number> {
    return new Set(this.byTable.get(table)?.values() ?? []);
  }

  /** Rows already recorded in foreign_record (by a statement of the copy), remembered here too. */
  remember(table: string, how: 'added' | 'found', rows: { foreign_id: number; local_id: number }[]): void {
    const name = how === 'found' ? found(table) : table;
    let m = this.byTable.get(name);
    if (!m) this.byTable.set(name, (m = new Map<number, number>()));
    for (const r of rows) m.set(r.foreign_id, r.local_id);
  }

  async set(table: string, foreignId: number, localId: number, how: 'added' | 'found'): Promise<void> {
    this.recorded.set(table, this.version(table) + 1);
    const name = how === 'found' ? found(table) : table;
    let m = this.byTable.get(name);
    if (!m) this.byTable.set(name, (m = new Map<number, number>()));
    m.set(foreignId, localId);
    await this.db
      .insertInto('foreign_record')
      .values({ source_id: this.sourceId, table_name: name, foreign_id: foreignId, local_id: localId })
      .execute();
  }
}
