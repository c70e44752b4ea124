import { openSqliteFile } from '../../db/open-sqlite';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../db/check-database';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../../electron/testing/run-cli-captured';
import { seedAppendixXlsx } from '../fixtures/seed-appendix';
import { buildEml, fillTemplate } from '../fixtures/replies';

/**
 * Crash safety of the reply import: the command-line import of a folder of e-mails is killed with
 * SIGKILL at 50 random moments. After each kill the database opens, passes the full check, and
 * every reply is either fully stored (its message, original file, revision and every figure) or
 * not at all; importing the folder again finishes the work with exactly the state of an
 * uninterrupted run, no duplicates.
 */
const KILLS = 50;
/** Every so many kills, the import is run again to the end and compared with the clean run. */
const RESUME_EVERY = 5;
const cli = path.resolve('electron/cli/main.ts');
/**
 * The command runs in one Node process with tsx as a loader: the tsx launcher would run it in a
 * child of its own, which a SIGKILL of the launcher leaves running (still writing to the database).
 */
const command = (...args: string[]) => [process.execPath, ['--import', 'tsx', cli, ...args]] as const;

let dir: string;
let pristine: string;
let inbox: string;
let reference: State;
/**
 * The clean run's progress: when its first file began, and each file's turn (from its progress line
 * to the next; the last until the end). Turns are uneven with two parse workers feeding the store (the
 * first waits for the workers to start, the next follow quickly), so a kill is timed within the turn
 * of the file it aims at, not an average.
 */
let firstLineMs: number;
let turnMs: number[];

interface State {
  messages: number;
  revisions: number;
  values: number;
  history: number;
  files: number;
  /** The e-mail file's checksum → how many figures its revision holds. */
  figuresByMessage: Map<string, number>;
  /** A fingerprint of every stored figure: round, unit, indicator, value. */
  figures: string;
}

function readState(file: string): State {
  const db = openSqliteFile(file, { readonly: true });
  try {
    const n = (q: string) => (db.prepare(q).get() as { n: number }).n;
    const byMessage = db
      .prepare(
        `SELECT f.sha256 AS id, count(d.id) AS n FROM email_message m
         JOIN stored_file f ON f.id = m.source_file_id
         JOIN submission_revision r ON r.email_message_id = m.id
         LEFT JOIN data_value d ON d.revision_id = r.id
         GROUP BY m.id`,
      )
      .all() as { id: string; n: number }[];
    const figures = (
      db
        .prepare(
          `SELECT s.round_id || '/' || s.unit_id || '/' || d.indicator_id || '=' || coalesce(d.num_value, d.text_value, '') AS f
           FROM data_value d JOIN submission s ON s.id = d.submission_id ORDER BY 1`,
        )
        .all() as { f: string }[]
    )
      .map((r) => r.f)
      .join(';');
    return {
      messages: n('SELECT count(*) AS n FROM email_message'),
      // Revisions that came by e-mail (the demo's own figures are revisions typed in).
      revisions: n('SELECT count(*) AS n FROM submission_revision WHERE email_message_id IS NOT NULL'),
      values: n('SELECT count(*) AS n FROM data_value'),
      history: n('SELECT count(*) AS n FROM value_history'),
      files: n('SELECT count(*) AS n FROM stored_file'),
      figuresByMessage: new Map(byMessage.map((r) => [r.id, r.n])),
      figures,
    };
  } finally {
    db.close();
  }
}

function copyDb(to: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.copyFileSync(pristine, to);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the start to each "Đang nhập k/n" progress line, and to the end. */
  lines: number[];
  ms: number;
}

/**
 * Runs a command in its own process. With `kill`, the process is killed with SIGKILL `afterMs`
 * after its `afterLine`-th progress line (0: after its start), so kills land while files are stored.
 */
function runProcess(args: string[], kill?: { afterLine: number; afterMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const [exe, argv] = command(...args);
    const child = spawn(exe, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const lines: number[] = [];
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), kill!.afterMs);
    };
    if (kill?.afterLine === 0) arm();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      for (const _ of chunk.matchAll(/^Đang nhập /gm)) {
        lines.push(performance.now() - t0);
        if (kill && lines.length === kill.afterLine) arm();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, lines, ms: performance.now() - t0 });
    });
  });
}

const importProcess = (db: string, kill?: { afterLine: number; afterMs: number }) =>
  runProcess(['import', '--db', db, inbox], kill);

beforeAll(async () => {
  dir = makeTempDir('pcmd-kill-');
  pristine = path.join(dir, 'pristine.db');
  const appendix = path.join(dir, 'phu-luc.xlsx');
  fs.writeFileSync(appendix, await seedAppendixXlsx());
  await run('init', '--db', pristine, '--demo');
  const { id: formId } = JSON.parse((await run('form', 'import', '--db', pristine, '--file', appendix, '--json')).out);
  const units = ['522', '524', '525', '527', '528', '529', '530', '531', '532', '533', '534', '535'];
  const { id: roundId } = JSON.parse(
    (
      await run(
        'round',
        'create',
        '--db',
        pristine,
        '--form',
        String(formId),
        '--period',
        '2016-2020',
        '--cutoff',
        '2020-06-30',
        '--deadline',
        '2099-07-05',
        '--units',
        units.join(','),
        '--json',
      )
    ).out,
  );
  await run('round', 'templates', '--db', pristine, '--round', String(roundId), '--out', path.join(dir, 'mau'));
  // Make sure the pristine file has no WAL beside it before it is copied.
  const p = openSqliteFile(pristine);
  p.pragma('wal_checkpoint(TRUNCATE)');
  p.close();

  inbox = path.join(dir, 'hop-thu');
  fs.mkdirSync(inbox);
  const templates = fs.readdirSync(path.join(dir, 'mau')).filter((f) => f.endsWith('.xlsx'));
  let k = 0;
  for (const template of templates) {
    const code = template.split('-')[0]!;
    const slug = template.replace(/^\d+-/, '').replace(/-2016-2020\.xlsx$/, '');
    const values: Record<string, number> = {};
    for (let r = 3; r <= 40; r++) values[`R${String(r).padStart(3, '0')}`] = (r * 7 + k) % 50;
    const filled = await fillTemplate(path.join(dir, 'mau', template), values);
    fs.writeFileSync(
      path.join(inbox, `${String(++k).padStart(2, '0')}-${code}.eml`),
      await buildEml({
        from: `vpubnd.${slug.replace(/-/g, '')}@quangngai.gov.vn`,
        subject: `Báo cáo ${code}`,
        attachments: [{ filename: `bc-${code}.xlsx`, content: filled }],
      }),
    );
  }
  const clean = path.join(dir, 'clean.db');
  copyDb(clean);
  const done = await importProcess(clean);
  expect(done.code).toBe(0);
  expect(done.lines).toHaveLength(12);
  firstLineMs = done.lines[0]!;
  turnMs = done.lines.map((t, i) => (done.lines[i + 1] ?? done.ms) - t);
  reference = readState(clean);
}, 240_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('killing the command-line import', () => {
  it(`leaves a consistent database after ${KILLS} SIGKILLs at random moments, and a second run finishes the work without duplicates`, async () => {
    // The clean run stored every reply, each with its figures.
    expect(reference.messages).toBe(12);
    expect(reference.revisions).toBe(12);
    expect([...reference.figuresByMessage.values()].every((n) => n > 0)).toBe(true);
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const work = path.join(dir, 'work.db');
    let partial = 0;
    for (let i = 0; i < KILLS; i++) {
      copyDb(work);
      // While the command starts, or at a random moment of one of the twelve files' turns.
      const afterLine = Math.floor(random() * 13);
      const afterMs = Math.round(afterLine === 0 ? firstLineMs * random() : turnMs[afterLine - 1]! * 1.5 * random());
      const killAt = `${afterMs} ms after ${afterLine === 0 ? 'the start' : `file ${afterLine}`}`;
      const r = await importProcess(work, { afterLine, afterMs });
      if (r.signal !== 'SIGKILL') expect(r.code, `run ${i} ended on its own with code ${r.code}`).toBe(0);

      const check = await checkDatabaseFile(work, true);
      expect(check, `after a kill ${killAt}`).toMatchObject({ ok: true });
      const state = readState(work);
      if (state.messages > 0 && state.messages < reference.messages) partial++;
      // Each reply stored is stored whole: its revision holds exactly the figures of the clean run.
      for (const [id, n] of state.figuresByMessage)
        expect(n, `message ${id} after a kill ${killAt}`).toBe(reference.figuresByMessage.get(id));
      expect(state.revisions).toBe(state.figuresByMessage.size);
      expect(state.messages).toBe(state.revisions);

      if (i % RESUME_EVERY === 0) {
        const again = await importProcess(work);
        expect(again.code).toBe(0);
        const resumed = readState(work);
        expect({ ...resumed, figuresByMessage: [...resumed.figuresByMessage].sort() }).toEqual({
          ...reference,
          figuresByMessage: [...reference.figuresByMessage].sort(),
        });
      }
    }
    // The kills did land in the middle of the work, not only before or after it.
    console.log(`${partial} of ${KILLS} kills left some replies stored and some not`);
    expect(partial).toBeGreaterThan(KILLS / 4);
  }, 900_000);
});
