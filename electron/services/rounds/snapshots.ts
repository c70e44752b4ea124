import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { getRound } from './completeness';
import { rollupRound } from './rollup';
import { listRoundFigures } from '../../../db/values/repo';
import {
  insertSnapshot,
  insertSnapshotValues,
  listRoundSnapshots,
  listSnapshotTotals,
} from '../../../db/rounds/snapshots-repo';
import type { RoundSnapshot } from '../../../shared/domain/rounds';

export type { RoundSnapshot };

/**
 * Freezes a round's figures as they are sent upward: each unit's figures and the province totals,
 * in tables no later statement can change (triggers refuse updates and deletes). Later corrections
 * change the round, never what was sent.
 */
export async function freezeRound(
  ctx: ServiceContext,
  input: { roundId: number; note: string },
): Promise<RoundSnapshot> {
  const note = input.note.trim();
  if (!note)
    throw new AppError('invalid-input', 'Cần ghi nơi gửi hoặc số văn bản (ví dụ: Báo cáo số 12/BC-UBND gửi Bộ).');
  await getRound(ctx, input.roundId);
  const takenAt = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const snapshotId = await insertSnapshot(trx, { roundId: input.roundId, takenAt, note });
    const unitValues = await listRoundFigures(trx, input.roundId, { reportedOnly: true });
    const totals = [...(await rollupRound(trx, input.roundId)).values()];
    const rows = [
      ...unitValues.map((v) => ({
        snapshot_id: snapshotId,
        indicator_id: v.indicator_id,
        unit_id: v.unit_id,
        num_value: v.num_value,
        text_value: v.text_value,
        units_reported: 1,
      })),
      ...totals.map((t) => ({
        snapshot_id: snapshotId,
        indicator_id: t.indicatorId,
        unit_id: null,
        num_value: t.value,
        text_value: null,
        units_reported: t.reported,
      })),
    ];
    await insertSnapshotValues(trx, rows);
    return snapshotId;
  });
  return (await listSnapshots(ctx, input.roundId)).find((s) => s.id === id)!;
}

export async function listSnapshots(ctx: ServiceContext, roundId: number): Promise<RoundSnapshot[]> {
  const snaps = await listRoundSnapshots(ctx.db, roundId);
  const totals = await listSnapshotTotals(
    ctx.db,
    snaps.map((s) => s.id),
  );
  return snaps.map((s) => ({
    id: s.id,
    roundId: s.round_id,
    takenAt: s.taken_at,
    note: s.note,
    totals: totals
      .filter((t) => t.snapshot_id === s.id)
      .map((t) => ({ indicatorId: t.indicator_id, value: t.num_value, reported: t.units_reported })),
  }));
}
