import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection';
import { seedProvince } from './province';
import { createTestContext } from '../electron/testing/service-context';
import { importOfficeDatabase } from '../electron/services/office/import-office';
import { median } from './median';

/** The tables another office's database fills, parents first. */
const TABLES = [
  'org_unit',
  'org_unit_email',
  'org_unit_event',
  'org_unit_succession',
  'org_unit_former_parent',
  'stored_file',
  'stored_file_content',
  'stored_file_part',
  'indicator',
  'form',
  'form_version',
  'form_row',
  'validation_rule',
  'register',
  'register_value',
  'programme',
  'plan',
  'target',
  'task',
  'task_coordinator',
  'task_note',
  'report_round',
  'round_unit',
  'email_message',
  'email_attachment',
  'submission',
  'submission_revision',
  'data_value',
  'value_history',
  'value_problem',
  'submission_event',
  'round_snapshot',
  'snapshot_value',
];

/** The floor: the other database's rows copied table by table in SQL into an empty database, in seconds. */
async function copyFloor(file: string, source: string): Promise<number> {
  const floor = await openDatabase(file);
  const t0 = performance.now();
  floor.sqlite.pragma('foreign_keys = OFF');
  floor.sqlite.prepare('ATTACH DATABASE ? AS src').run(source);
  floor.sqlite.transaction(() => {
    for (const t of TABLES) floor.sqlite.exec(`INSERT INTO main.${t} SELECT * FROM src.${t}`);
  })();
  const s = (performance.now() - t0) / 1000;
  await floor.close();
  return s;
}

/** An office keeping a province of its own, into which the other database is brought. */
async function receivingOffice() {
  const ctx = await createTestContext(new Date('2026-11-23T03:00:00Z'));
  const now = ctx.clock().toISOString();
  await seedProvince(ctx.db, { count: 0, now, province: { code: '62', name: 'Tỉnh Kon Tum' } });
  return ctx;
}

/**
 * Bringing in another office's database (`source`: the 500-reply round's database), into an office
 * that keeps a province of its own; then again (nothing new). The floor is the same rows copied
 * table by table in SQL (ATTACH, INSERT … SELECT) into an empty database: a copy with no matching,
 * no mapping of ids and no record of where each row came from. Both are the median of 3, each into a
 * fresh database (one import is a few hundred milliseconds, and one sample is too noisy to compare).
 */
export async function benchOfficeImport(
  dir: string,
  source: string,
): Promise<{ importS: number; againS: number; floorS: number; values: number }> {
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) floors.push(await copyFloor(path.join(dir, `floor-${i}.db`), source));
  const imports: number[] = [];
  let values = 0;
  for (let i = 0; i < 2; i++) {
    const ctx = await receivingOffice();
    try {
      const t0 = performance.now();
      values = (await importOfficeDatabase(ctx, { file: source })).counts.values;
      imports.push((performance.now() - t0) / 1000);
    } finally {
      await ctx.dispose();
    }
  }
  const ctx = await receivingOffice();
  try {
    let t0 = performance.now();
    await importOfficeDatabase(ctx, { file: source });
    imports.push((performance.now() - t0) / 1000);
    const copy = path.join(dir, 'lan-2.db');
    fs.copyFileSync(source, copy);
    // A later copy with other bytes: the rows are all looked up again and nothing is added.
    const other = await openDatabase(copy);
    other.sqlite.prepare("INSERT OR REPLACE INTO app_setting (key, value) VALUES ('office.place', 'Thử')").run();
    await other.close();
    t0 = performance.now();
    const again = await importOfficeDatabase(ctx, { file: copy });
    const againS = (performance.now() - t0) / 1000;
    if (Object.entries(again.counts).some(([k, v]) => k !== 'unitsMatched' && v > 0))
      throw new Error('the second import added rows');
    return { importS: median(imports), againS, floorS: median(floors), values };
  } finally {
    await ctx.dispose();
  }
}
