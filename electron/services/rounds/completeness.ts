import { AppError } from '../../../shared/errors';
import { daysLate, type RoundSummary, type SubmissionEntry } from '../../../shared/domain/rounds';
import { listRoundSummaries, listSubmissionRows } from '../../../db/rounds/repo';
import { listUnits } from '../../../db/units/repo';
import { orderUnitsAsTree } from '../../../shared/domain/units';
import type { ServiceContext } from '../context';

export async function getRound(ctx: ServiceContext, roundId: number): Promise<RoundSummary> {
  const round = (await listRoundSummaries(ctx.db, roundId))[0];
  if (!round) throw new AppError('not-found', `Không có đợt báo cáo số ${roundId}.`);
  return round;
}

/** Every expected unit of a round with its status and lateness, in the unit tree's order. */
export async function listSubmissions(ctx: ServiceContext, roundId: number): Promise<SubmissionEntry[]> {
  const round = await getRound(ctx, roundId);
  const today = ctx.clock().toISOString().slice(0, 10);
  const rows = await listSubmissionRows(ctx.db, roundId);
  const units = await listUnits(ctx.db, round.periodEnd);
  const order = new Map(orderUnitsAsTree(units, () => '').map((u, i) => [u.id, i]));
  const emails = new Map(units.map((u) => [u.id, u.emails]));
  return rows
    .map(({ lastRevisionAt, ...r }) => {
      const late = daysLate(round.deadline, r.receivedAt, today);
      return {
        ...r,
        correctedAt: r.revisions > 1 ? lastRevisionAt : null,
        unitEmails: emails.get(r.unitId) ?? [],
        late: r.receivedAt ? r.late || late > 0 : late > 0,
        daysLate: late,
      };
    })
    .sort(
      (a, b) => (order.get(a.unitId) ?? 1e9) - (order.get(b.unitId) ?? 1e9) || a.unitCode.localeCompare(b.unitCode),
    );
}
