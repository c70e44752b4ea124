import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getFormVersionRows } from '../db/forms/repo';
import { createTestContext } from '../electron/testing/service-context';
import { getRound, listSubmissions } from '../electron/services/rounds/completeness';
import { exportRoundTemplates } from '../electron/services/templates/export-templates';
import { templateSecret } from '../electron/services/templates/identity-signature';
import { buildUnitTemplate } from '../electron/services/templates/write-unit-template';
import { seedFormRound, seedProvince } from './province';

const UNITS = 170;

/**
 * A round's templates for 170 communes, the seed appendix (102 rows) as the form: one workbook and one
 * .eml draft per unit, from the database to the folder. The floor is exceljs alone writing the same 170
 * workbooks to the same disk: the workbook objects are made first, untimed, and only their writing counts.
 */
export async function benchTemplates170(dir: string): Promise<{ appS: number; floorS: number }> {
  const ctx = await createTestContext();
  try {
    const now = ctx.clock().toISOString();
    await seedProvince(ctx.db, { count: UNITS, now, emails: (i) => [`ubnd.xa${i + 1}@tinh.gov.vn`] });
    const { round } = await seedFormRound(ctx, dir);
    let t0 = performance.now();
    const report = await exportRoundTemplates(ctx, round.id, path.join(dir, 'mau-170'));
    const appS = (performance.now() - t0) / 1000;
    if (report.files.length !== UNITS) throw new Error(`expected ${UNITS} templates, got ${report.files.length}`);

    const summary = await getRound(ctx, round.id);
    const rows = await getFormVersionRows(ctx.db, summary.formVersionId);
    const secret = await templateSecret(ctx.db);
    const books = (await listSubmissions(ctx, round.id)).map((u) =>
      buildUnitTemplate(summary, rows, { code: u.unitCode, name: u.unitName }, now, secret),
    );
    const floorDir = path.join(dir, 'mau-170-san');
    fs.mkdirSync(floorDir, { recursive: true });
    t0 = performance.now();
    for (const [i, wb] of books.entries())
      fs.writeFileSync(path.join(floorDir, `${i}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
    const floorS = (performance.now() - t0) / 1000;
    return { appS, floorS };
  } finally {
    await ctx.dispose();
  }
}
