import fs from 'node:fs';
import path from 'node:path';
import { seedAppendixDocx } from '../../tests/fixtures/seed-appendix';
import { createDemo } from '../services/demo/create-demo';
import { importFormFile } from '../services/forms/import-form';
import { createRound, type CreateRoundInput } from '../services/rounds/create-round';
import type { TestContext } from './service-context';

/** The demo province, the seed appendix as a form, and a round of it for the given units. */
export async function seedDemoRound(ctx: TestContext, round: Partial<CreateRoundInput> = {}) {
  await createDemo(ctx);
  const file = path.join(ctx.database.dir, 'phu-luc.docx');
  fs.writeFileSync(file, await seedAppendixDocx());
  const form = await importFormFile(ctx, file, 'Tổng kết phòng, chống mại dâm');
  const created = await createRound(ctx, {
    formId: form.id,
    period: '2016-2020',
    cutoffDate: '2020-06-30',
    deadline: '2020-07-05',
    units: ['524', '534', 'CA'],
    ...round,
  });
  return { form, round: created };
}
