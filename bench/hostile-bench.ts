import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import CFB from 'cfb';
import { parseReply } from '../electron/services/inbox/parse-reply';
import { runCliCaptured } from '../electron/testing/run-cli-captured';
import { manyRecipientsMsg } from '../tests/fixtures/msg';
import { ownLayoutWorkbook } from '../tests/fixtures/replies';
import { withHugeSharedStrings, withLyingPart } from '../tests/fixtures/hostile-large/lying-zips';
import { median } from './median';
import { buildCliBundle, runBuiltCli } from '../tests/support/built-cli';

const committed = path.resolve(import.meta.dirname, '../tests/fixtures/hostile');

/**
 * The hostile corpus (the committed files and the large ones made here: lying zip headers
 * inflating to 5 GB, 100 MB of shared strings, a 1,000-recipient .msg, a 20 MB mbox): the highest
 * peak memory of the whole process over all of them. And the .msg's reading time against its
 * floor: the same compound file read by cfb alone.
 */
export async function benchHostile(
  dir: string,
): Promise<{ peakMb: number; worstFile: string; msgMs: number; msgCfbMs: number }> {
  // The command line and its parse worker built as the app ships them (no TypeScript loader).
  const cli = await buildCliBundle();
  const db = path.join(dir, 'du-lieu.db');
  await runCliCaptured('init', '--db', db, '--demo');
  const rows: [string, string, number][] = [['Số lượt kiểm tra', 'Lượt', 4]];
  const made: [string, Buffer][] = [
    [
      'word-khai-bao-sai-5gb.docx',
      await withLyingPart(await ownLayoutWorkbook(rows), 'xl/worksheets/sheet1.xml', 5, '<worksheet>', ' '),
    ],
    ['excel-100mb-chuoi.xlsx', await withHugeSharedStrings(await ownLayoutWorkbook(rows), 100)],
    ['thu-1000-nguoi-nhan.msg', manyRecipientsMsg()],
  ];
  for (const [name, bytes] of made) fs.writeFileSync(path.join(dir, name), bytes);
  const mbox = path.join(dir, 'hop-thu-20mb.mbox');
  fs.writeFileSync(
    mbox,
    Array.from(
      { length: 10 },
      (_, i) =>
        `From a@b Fri Jul  3 09:00:00 2020\nSubject: ${i}\nMessage-ID: <b-${i}@b>\n\n${'Dòng ngắn.\n'.repeat(190_000)}\n`,
    ).join(''),
  );
  const files = [
    ...fs
      .readdirSync(committed)
      .filter((f) => !f.endsWith('.ts'))
      .map((f) => path.join(committed, f)),
    ...made.map(([n]) => path.join(dir, n)),
    mbox,
  ];
  let peakMb = 0;
  let worstFile = '';
  for (const file of files) {
    const mb = (await runBuiltCli(cli, ['import', '--db', db, file])).peakMb;
    if (mb > peakMb) [peakMb, worstFile] = [mb, path.basename(file)];
  }

  const msg = made[2]![1];
  const msgTimes: number[] = [];
  const cfbTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    const parsed = await parseReply({ fileName: 'thu.msg', bytes: msg });
    msgTimes.push(performance.now() - t0);
    if (!parsed.ok) throw new Error(parsed.error);
    t0 = performance.now();
    CFB.read(msg, { type: 'buffer' });
    cfbTimes.push(performance.now() - t0);
  }
  return { peakMb, worstFile, msgMs: median(msgTimes), msgCfbMs: median(cfbTimes) };
}
