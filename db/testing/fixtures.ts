import type { Kysely } from 'kysely';
import type { Database, NewDataValue } from '../schema';

export interface ValueFixture {
  submissionIds: number[];
  indicatorIds: number[];
}

/**
 * A form with `indicators` indicators, `units` districts and `rounds` yearly rounds, each unit with
 * a submission per round: the frame real values hang on. Values themselves are made by makeValues.
 */
export async function seedValueFrame(
  db: Kysely<Database>,
  opts: { units: number; indicators: number; rounds: number },
): Promise<ValueFixture> {
  const now = '2026-01-01T00:00:00.000Z';
  return db.transaction().execute(async (trx) => {
    const province = (
      await trx
        .insertInto('org_unit')
        .values({
          code: '51',
          name: 'Tỉnh',
          name_key: 'tinh',
          kind: 'province',
          parent_id: null,
          valid_from: null,
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const unitIds: number[] = [];
    for (let u = 0; u < opts.units; u++) {
      const code = String(1000 + u);
      unitIds.push(
        (
          await trx
            .insertInto('org_unit')
            .values({
              code,
              name: `Đơn vị ${code}`,
              name_key: `don vi ${code}`,
              kind: 'commune',
              parent_id: province,
              valid_from: null,
              valid_to: null,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    const indicatorIds: number[] = [];
    for (let i = 0; i < opts.indicators; i++) {
      indicatorIds.push(
        (
          await trx
            .insertInto('indicator')
            .values({
              code: `CT${i + 1}`,
              name: `Chỉ tiêu ${i + 1}`,
              name_key: `chi tieu ${i + 1}`,
              measure_unit: 'Người',
              value_type: 'integer',
              aggregation: 'sum',
              parent_id: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    const formId = (
      await trx
        .insertInto('form')
        .values({ name: 'Biểu mẫu', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const versionId = (
      await trx
        .insertInto('form_version')
        .values({ form_id: formId, version: 1, period_type: 'year', source_file_id: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const submissionIds: number[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const year = 2000 + r;
      const roundId = (
        await trx
          .insertInto('report_round')
          .values({
            form_version_id: versionId,
            name: `Năm ${year}`,
            period_code: String(year),
            period_start: `${year - 1}-12-15`,
            period_end: `${year}-12-14`,
            cutoff_date: `${year}-12-14`,
            deadline: `${year}-12-20`,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      for (const unitId of unitIds) {
        submissionIds.push(
          (
            await trx
              .insertInto('submission')
              .values({ round_id: roundId, unit_id: unitId, received_at: null })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      }
    }
    return { submissionIds, indicatorIds };
  });
}

/** `count` values over the frame, submission by submission, with deterministic numbers. */
export function makeValues(frame: ValueFixture, count: number): NewDataValue[] {
  const out: NewDataValue[] = [];
  const now = '2026-01-01T00:00:00.000Z';
  for (const submission_id of frame.submissionIds) {
    for (const [k, indicator_id] of frame.indicatorIds.entries()) {
      if (out.length >= count) return out;
      out.push({
        submission_id,
        indicator_id,
        num_value: (submission_id * 31 + k * 7) % 1000,
        text_value: null,
        revision_id: null,
        source_file_id: null,
        source_sheet: 'Biểu 1',
        source_cell: `C${k + 5}`,
        comment: null,
        updated_at: now,
      });
    }
  }
  return out;
}
