import type { Db } from '../../../db/schema';
import { sumRoundByIndicator } from '../../../db/rounds/rollup-repo';
import { roundTotal, type Aggregate } from '../../../shared/domain/aggregate';

export interface ProvinceTotal extends Aggregate {
  indicatorId: number;
}

/**
 * The province's figure of every indicator of a round, made in one GROUP BY by each indicator's
 * aggregation rule (see aggregateValues, which the matrix uses over the same values and must agree
 * with). An indicator has one unit of measure, so no figure of another unit is ever added in.
 */
export async function rollupRound(db: Db, roundId: number): Promise<Map<number, ProvinceTotal>> {
  const rows = await sumRoundByIndicator(db, roundId);
  const out = new Map<number, ProvinceTotal>();
  for (const r of rows) {
    const reported = Number(r.reported);
    let value: number | null = null;
    let refused: string | null = null;
    if (reported > 0) {
      if (r.aggregation === 'sum' || r.aggregation === 'last') value = roundTotal(Number(r.total));
      else if (r.aggregation === 'average') value = roundTotal(Number(r.total) / reported);
      else if (r.aggregation === 'count-yes') value = Number(r.yes ?? 0);
      else refused = 'Chỉ tiêu này không tổng hợp lên toàn tỉnh.';
    }
    out.set(r.indicator_id, { indicatorId: r.indicator_id, value, reported, refused });
  }
  return out;
}
