import { getFormVersionRows } from '../../../db/forms/repo';
import { listRoundFigures, listRoundProblems } from '../../../db/values/repo';
import type { ServiceContext } from '../context';
import { getRound, listSubmissions } from './completeness';

import type { RoundValue } from '../../../shared/domain/rounds';

export type { RoundValue };

/** Every value row of the round's form for every expected unit, in unit-tree and form order. */
export async function listRoundValues(ctx: ServiceContext, roundId: number): Promise<RoundValue[]> {
  const round = await getRound(ctx, roundId);
  const rows = (await getFormVersionRows(ctx.db, round.formVersionId)).filter(
    (r) => r.valueRow && r.indicatorId !== null,
  );
  const units = await listSubmissions(ctx, roundId);
  const values = await listRoundFigures(ctx.db, roundId);
  const problems = await listRoundProblems(ctx.db, roundId);
  const key = (unitId: number, indicatorId: number | null) => `${unitId}:${indicatorId}`;
  const valueOf = new Map(values.map((v) => [key(v.unit_id, v.indicator_id), v.num_value ?? v.text_value]));
  const flagsOf = new Map<string, string[]>();
  for (const p of problems)
    flagsOf.set(key(p.unit_id, p.indicator_id), [...(flagsOf.get(key(p.unit_id, p.indicator_id)) ?? []), p.message]);
  return units.flatMap((u) =>
    rows.map((r) => ({
      unitCode: u.unitCode,
      unitName: u.unitName,
      row: r.row,
      text: r.text,
      value: valueOf.get(key(u.unitId, r.indicatorId)) ?? null,
      flags: flagsOf.get(key(u.unitId, r.indicatorId)) ?? [],
    })),
  );
}
