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
  /** Figures equal to 1 (a yes). */
  yes: number;
}

/**
 * A round's figures summed per indicator in one GROUP BY (text indicators are not summed): the figures
 * are grouped first and each indicator's rule joined to its one group, not to every figure.
 */
export async function sumRoundByIndicator(db: Db, roundId: number): Promise<RoundIndicatorSums[]> {
  return (
    await sql<RoundIndicatorSums>`
      SELECT g.indicator_id, i.aggregation, g.reported, g.total, g.yes
      FROM (
        SELECT d.indicator_id, count(d.num_value) AS reported, sum(d.num_value) AS total, sum(d.num_value = 1) AS yes
        FROM data_value d JOIN submission s ON s.id = d.submission_id
        WHERE s.round_id = ${roundId}
        GROUP BY d.indicator_id
      ) g
      JOIN indicator i ON i.id = g.indicator_id
      WHERE i.value_type <> 'text'`.execute(db)
  ).rows;
}
