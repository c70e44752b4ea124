import type { Insertable } from 'kysely';
import type { Database, Db } from '../schema';

export async function insertSnapshot(db: Db, s: { roundId: number; takenAt: string; note: string }): Promise<number> {
  return (
    await db
      .insertInto('round_snapshot')
      .values({ round_id: s.roundId, taken_at: s.takenAt, note: s.note })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A frozen snapshot's figures, 500 rows a statement. */
export async function insertSnapshotValues(
  db: Db,
  rows: readonly Insertable<Database['snapshot_value']>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('snapshot_value')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function listRoundSnapshots(db: Db, roundId: number) {
  return db.selectFrom('round_snapshot').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
}

/** The province totals (no unit) of the snapshots. */
export async function listSnapshotTotals(db: Db, snapshotIds: readonly number[]) {
  if (snapshotIds.length === 0) return [];
  return db
    .selectFrom('snapshot_value')
    .selectAll()
    .where('snapshot_id', 'in', [...snapshotIds])
    .where('unit_id', 'is', null)
    .orderBy('indicator_id')
    .execute();
}
