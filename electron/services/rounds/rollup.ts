import { sql } from 'kysely';
import type { Db } from '../../../db/schema';
import { roundTotal, type Aggregate } from '../../../shared/domain/aggregate';
import type { Aggregation } from '../../../shared/domain/forms';

export interface ProvinceTotal extends Aggregate {
  indicatorId: number;
}

/**
 * The province's figure of every indicator of a round, made in one GROUP BY by each indicator's
 * aggregation rule (see aggregateValues, which the matrix uses over the same values and must agree
 * with). An indicator has one unit of measure, so no figure of another unit is ever added in.
 */
export async function rollupRound(db: Db, roundId: number): Promise<Map<number, ProvinceTotal>> {
  const rows = await sql<{
    indicator_id: number;
    aggregation: Aggregation;
    reported: number;
    total: number | null;
    mean: number | null;
    yes: number;
  }>`
    SELECT d.indicator_id, i.aggregation,
           count(d.num_value) AS reported, sum(d.num_value) AS total, avg(d.num_value) AS mean,
           sum(d.num_value = 1) AS yes
    FROM data_value d
    JOIN submission s ON s.id = d.submission_id
    JOIN indicator i ON i.id = d.indicator_id
    WHERE s.round_id = ${roundId} AND i.value_type <> 'text'
    GROUP BY d.indicator_id`.execute(db);
  const out = new Map<number, ProvinceTotal>();
  for (const r of rows.rows) {
    const reported = Number(r.reported);
    let value: number | null = null;
    let refused: string | null = null;
    if (reported > 0) {
      if (r.aggregation === 'sum' || r.aggregation === 'last') value = roundTotal(Number(r.total));
      else if (r.aggregation === 'average') value = roundTotal(Number(r.mean));
      else if (r.aggregation === 'count-yes') value = Number(r.yes ?? 0);
      else refused = 'Chỉ tiêu này không tổng hợp lên toàn tỉnh.';
    }
    out.set(r.indicator_id, { indicatorId: r.indicator_id, value, reported, refused });
  }
  return out;
}
