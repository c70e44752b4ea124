import { sql } from 'kysely';
import type { Db } from '../schema';
import type { Aggregation } from '../../shared/domain/forms';

/** What one indicator's reported figures of a round add up to, every way its rule may need. */
export interface RoundIndicatorSums {
  indicator_id: number;
  aggregation: Aggregation;
  /** Units that gave a number. */
  reported: number;
  total: number | null;
  mean: number | null;
  /** Figures equal to 1 (a yes). */
  yes: number;
}

/** A round's figures summed per indicator in one GROUP BY (text indicators are not summed). */
export async function sumRoundByIndicator(db: Db, roundId: number): Promise<RoundIndicatorSums[]> {
  return (
    await sql<RoundIndicatorSums>`
      SELECT d.indicator_id, i.aggregation,
             count(d.num_value) AS reported, sum(d.num_value) AS total, avg(d.num_value) AS mean,
             sum(d.num_value = 1) AS yes
      FROM data_value d
      JOIN submission s ON s.id = d.submission_id
      JOIN indicator i ON i.id = d.indicator_id
      WHERE s.round_id = ${roundId} AND i.value_type <> 'text'
      GROUP BY d.indicator_id`.execute(db)
  ).rows;
}
