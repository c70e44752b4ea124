import fs from 'node:fs';
import path from 'node:path';
import { insertUnit, replaceEmails } from '../db/units/repo';
import { listRoundSubmissionIds, setRoundSubmissionsStatus } from '../db/submissions/repo';
import { insertDataValues } from '../db/values/repo';
import type { NewDataValue } from '../db/schema';
import type { ServiceContext } from '../electron/services/context';
import { importFormFile } from '../electron/services/forms/import-form';
import { createRound } from '../electron/services/rounds/create-round';
import { seedAppendixDocx } from '../tests/fixtures/seed-appendix';
import type { Db } from '../db/schema';
import { foldText } from '../shared/text/fold';

export interface BenchCommune {
  id: number;
  code: string;
  name: string;
}

/**
 * The province every benchmark works in: `province` (51 "Tỉnh" unless given) and `count` communes under
 * it, coded from `firstCode`, named by `name(i)`, each with the addresses `emails(i)` (none unless given).
 */
export async function seedProvince(
  db: Db,
  options: {
    count: number;
    now: string;
    province?: { code: string; name: string };
    firstCode?: number;
    name?: (i: number) => string;
    emails?: (i: number) => string[];
  },
): Promise<{ provinceId: number; communes: BenchCommune[] }> {
  const { count, now, firstCode = 20000, name = (i) => `Xã Thử Nghiệm ${i + 1}`, emails } = options;
  const base = { valid_from: null, valid_to: null, created_at: now, updated_at: now };
  const { code, name: provinceName } = options.province ?? { code: '51', name: 'Tỉnh' };
  const provinceId = await insertUnit(db, {
    ...base,
    code,
    name: provinceName,
    name_key: foldText(provinceName),
    kind: 'province',
    parent_id: null,
  });
  const communes: BenchCommune[] = [];
  for (let i = 0; i < count; i++) {
    const commune = { code: String(firstCode + i), name: name(i) };
    const id = await insertUnit(db, {
      ...base,
      ...commune,
      name_key: foldText(commune.name),
      kind: 'commune',
      parent_id: provinceId,
    });
    if (emails) await replaceEmails(db, id, emails(i));
    communes.push({ id, ...commune });
  }
  return { provinceId, communes };
}

/** The seed appendix (the real form: 102 rows, 75 of them figures) brought in from its Word file, written under `dir`. */
export async function seedForm(ctx: ServiceContext, dir: string) {
  const file = path.join(dir, `phu-luc-${process.hrtime.bigint()}.docx`);
  fs.writeFileSync(file, await seedAppendixDocx());
  return importFormFile(ctx, file, 'Biểu tổng hợp');
}

/** The seed form (seedForm) and a yearly round of `period` asking every unit. */
export async function seedFormRound(ctx: ServiceContext, dir: string, period = '2025') {
  const form = await seedForm(ctx, dir);
  const round = await createRound(ctx, {
    formId: form.id,
    period,
    cutoffDate: `${period}-12-14`,
    deadline: `${period}-12-20`,
    units: 'all',
  });
  return { form, round };
}

/**
 * Every unit of a round reports every figure `value(unitId, k)` of `indicatorIds` (k: the figure's
 * place in the form); the reports are then `status`.
 */
export async function fillRound(
  ctx: ServiceContext,
  roundId: number,
  indicatorIds: number[],
  value: (unitId: number, k: number) => number,
  status: 'received' | 'approved' = 'received',
): Promise<void> {
  const now = ctx.clock().toISOString();
  const values: NewDataValue[] = [];
  for (const s of await listRoundSubmissionIds(ctx.db, roundId))
    indicatorIds.forEach((indicator_id, k) =>
      values.push({
        submission_id: s.id,
        indicator_id,
        num_value: value(s.unit_id, k),
        text_value: null,
        revision_id: null,
        source_file_id: null,
        source_sheet: null,
        source_cell: null,
        comment: null,
        updated_at: now,
      }),
    );
  await ctx.db.transaction().execute(async (trx) => {
    await insertDataValues(trx, values);
    await setRoundSubmissionsStatus(trx, roundId, status, now);
  });
}
