import fs from 'node:fs';
import path from 'node:path';
import { runCliCaptured as run } from '../../electron/testing/run-cli-captured';
import { seedAppendixXlsx } from '../fixtures/seed-appendix';

/**
 * What the command-line tests start from, made on the command line in `dir`: the demo office's
 * database (x.db), the seed appendix as a form, and a 2016-2020 round of it (cut-off 30/06/2020) for
 * the units `units` (codes, comma-separated) with the given deadline.
 */
export async function cliRound(
  dir: string,
  options: { units: string; deadline: string },
): Promise<{ db: string; roundId: number }> {
  const db = path.join(dir, 'x.db');
  const appendix = path.join(dir, 'phu-luc.xlsx');
  fs.writeFileSync(appendix, await seedAppendixXlsx());
  await run('init', '--db', db, '--demo');
  const { id: formId } = JSON.parse((await run('form', 'import', '--db', db, '--file', appendix, '--json')).out) as {
    id: number;
  };
  const created = await run(
    'round',
    'create',
    ...['--db', db, '--form', String(formId), '--period', '2016-2020', '--cutoff', '2020-06-30'],
    ...['--deadline', options.deadline, '--units', options.units, '--json'],
  );
  return { db, roundId: (JSON.parse(created.out) as { id: number }).id };
}
