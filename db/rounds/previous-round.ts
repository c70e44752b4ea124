import type { Db } from '../schema';
import { parsePeriod } from '../../shared/domain/periods';

interface PreviousRound {
  id: number;
  periodCode: string;
}

/**
 * The round a round's figures are compared with: the same period a year earlier ("cùng kỳ năm
 * trước", which for a yearly round is the year before), or else the latest earlier round of the
 * same kind of period. Null when there is none.
 */
async function findPreviousRound(
  db: Db,
  round: { id: number; periodCode: string; periodStart: string },
): Promise<PreviousRound | null> {
  const kind = parsePeriod(round.periodCode)?.kind;
  if (!kind) return null;
  const earlier = await db
    .selectFrom('report_round')
    .select(['id', 'period_code', 'period_end'])
    .where('period_end', '<', round.periodStart)
    .where('id', '!=', round.id)
    .orderBy('period_end', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const sameKind = earlier.filter((r) => parsePeriod(r.period_code)?.kind === kind);
  const year = Number(round.periodCode.slice(0, 4));
  const sameLastYear = `${year - 1}${round.periodCode.slice(4)}`;
  const chosen = sameKind.find((r) => r.period_code === sameLastYear) ?? sameKind[0];
  return chosen ? { id: chosen.id, periodCode: chosen.period_code } : null;
}

/**
 * A unit's figures in a round, keyed by the indicator they continue: an indicator linked to one in
 * another form (same_as_id) answers for it, so figures compare across form changes.
 */
async function unitFiguresByLineage(db: Db, roundId: number, unitId: number): Promise<Map<number, number | null>> {
  const rows = await db
    .selectFrom('data_value as d')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .select(['d.indicator_id', 'i.same_as_id', 'd.num_value'])
    .where('s.round_id', '=', roundId)
    .where('s.unit_id', '=', unitId)
    .execute();
  return new Map(rows.map((r) => [r.same_as_id ?? r.indicator_id, r.num_value]));
}

/** Each indicator's lineage: itself, or the indicator it was linked to. */
async function lineageOf(db: Db, indicatorIds: number[]): Promise<Map<number, number>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db.selectFrom('indicator').select(['id', 'same_as_id']).where('id', 'in', indicatorIds).execute();
  return new Map(rows.map((r) => [r.id, r.same_as_id ?? r.id]));
}

/**
 * A unit's figures in the period its round is compared with, keyed by this round's indicators (an
 * indicator answers for the one it continues), and that period's code; an empty map when there is none.
 */
export async function previousFigures(
  db: Db,
  round: { id: number; periodCode: string; periodStart: string },
  unitId: number,
  indicatorIds: number[],
): Promise<{ periodCode: string | null; byIndicator: Map<number, number | null> }> {
  const previous = await findPreviousRound(db, round);
  const byIndicator = new Map<number, number | null>();
  if (!previous) return { periodCode: null, byIndicator };
  const before = await unitFiguresByLineage(db, previous.id, unitId);
  const lineage = await lineageOf(db, indicatorIds);
  for (const id of indicatorIds) byIndicator.set(id, before.get(lineage.get(id) ?? id) ?? null);
  return { periodCode: previous.periodCode, byIndicator };
}
