import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { seedFormRound, seedProvince } from './province';
import { getFormVersionRows } from '../db/forms/repo';
import { createTestContext, type TestContext } from '../electron/testing/service-context';
import { buildUnitTemplate } from '../electron/services/templates/write-unit-template';
import { templateSecret } from '../electron/services/templates/identity-signature';
import { COL, HEADER_ROW, TEMPLATE_SHEET } from '../electron/services/templates/template-layout';
import { importPaths } from '../electron/services/inbox/import-batch';
import { readAndParse, warmReplyParser } from '../electron/services/inbox/parse-reply-in-worker';
import { runPipelined } from '../electron/services/inbox/run-pipelined';
import { readEml } from '../electron/services/inbox/read-eml';
import { openWorkbook, workbookTables } from '../electron/services/files/read-xlsx-tables';
import { readDocxTables } from '../electron/services/files/read-docx-tables';
import { buildEml, ownLayoutWorkbook } from '../tests/fixtures/replies';
import { seedTableB } from '../tests/fixtures/seed-appendix';
import { buildCliBundle, runBuiltCli } from '../tests/support/built-cli';

/** Parses a reply the way the import must, and nothing more: the floor the import is compared with. */
async function parseOnly(file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  const attachments = file.endsWith('.eml')
    ? (await readEml(path.basename(file), bytes)).attachments
    : [{ fileName: path.basename(file), bytes }];
  for (const a of attachments) {
    if (a.fileName.endsWith('.xlsx')) workbookTables(await openWorkbook(a.fileName, a.bytes));
    else if (a.fileName.endsWith('.docx')) await readDocxTables(a.fileName, a.bytes);
  }
}

/**
 * Replies for a round of `units` communes on the seed appendix (75 value rows), written to a folder
 * under `dir`: each unit's filled template by e-mail twice (a first answer and a corrected resend), its
 * own workbook by e-mail, and for a third of them a loose Word table: 10 replies for every 3 units
 * (500 for 150). The round and units are made in `ctx`; returns the files, in import order.
 */
async function writeReplies(ctx: TestContext, dir: string, units: number): Promise<string[]> {
  const now = ctx.clock().toISOString();
  const { communes } = await seedProvince(ctx.db, {
    count: units,
    now,
    firstCode: 30000,
    name: (i) => `Xã Thí Điểm Số ${i + 1}`,
    emails: (i) => [`xa${i + 1}@tinh.gov.vn`],
  });
  const { round } = await seedFormRound(ctx, dir);
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const secret = await templateSecret(ctx.db);
  const valueRows = rows.filter((r) => r.valueRow);

  const inbox = path.join(dir, `hop-thu-${units}`);
  fs.mkdirSync(inbox);
  let n = 0;
  const put = (name: string, bytes: Buffer) =>
    fs.writeFileSync(path.join(inbox, `${String(++n).padStart(4, '0')}-${name}`), bytes);
  for (const pass of [1, 2]) {
    for (const [i, u] of communes.entries()) {
      const wb = buildUnitTemplate(round, rows, u, now, secret);
      const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
      valueRows.forEach((r, k) => (ws.getCell(HEADER_ROW + r.row, COL.value).value = (i + k + pass) % 50));
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      put(
        `mau-${u.code}-${pass}.eml`,
        await buildEml({
          from: `xa${i + 1}@tinh.gov.vn`,
          subject: `Báo cáo năm 2025 (lần ${pass})`,
          messageId: `<t${pass}-${i}@tinh>`,
          attachments: [{ filename: 'bao-cao.xlsx', content: xlsx }],
        }),
      );
    }
  }
  const own = seedTableB
    .filter(([, unit]) => unit)
    .map(([text, unit], k) => [text, unit!, k % 9] as [string, string, number]);
  for (let i = 0; i < units; i++) {
    const u = communes[i]!;
    put(
      `rieng-${u.code}.eml`,
      await buildEml({
        from: `canbo${i}@gmail.com`,
        subject: `${u.name} gửi báo cáo năm 2025`,
        messageId: `<own-${i}@gmail>`,
        attachments: [
          {
            filename: 'so-lieu.xlsx',
            content: await ownLayoutWorkbook(
              own.map(([t, un, v]) => [t, un, v + i]),
              `UBND ${u.name.toUpperCase()}`,
            ),
          },
        ],
      }),
    );
  }
  for (let i = 0; i < units / 3; i++) {
    const u = communes[i]!;
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph(`UBND ${u.name.toUpperCase()}`),
            new Table({
              rows: [
                new TableRow({ children: [cell('Nội dung'), cell('Đơn vị tính'), cell('Số lượng')] }),
                ...own
                  .slice(0, 30)
                  .map(([t, un, v]) => new TableRow({ children: [cell(t), cell(un), cell(String(v * 3 + i))] })),
              ],
            }),
          ],
        },
      ],
    });
    put(`word-${u.code}.docx`, Buffer.from(await Packer.toBuffer(doc)));
  }
  const files = fs
    .readdirSync(inbox)
    .sort()
    .map((f) => path.join(inbox, f));
  const expected = Math.round((units * 10) / 3);
  if (files.length !== expected) throw new Error(`expected ${expected} replies, made ${files.length}`);
  return files;
}

/**
 * 500 replies for a 150-unit round (see writeReplies). Returns the import time (the app's batch
 * import: replies parsed in the two parse workers while this thread stores) and the parse-only floor
 * (one thread), both in seconds; and, for reading the ratio on the machine at hand, the same files
 * read by the import's two parse workers in the import's order with nothing stored (measured after
 * the import, so with its workers warm): no import can be faster than that here.
 * With `keepAs`, a copy of the database afterwards is written there.
 */
export async function benchImport500(
  dir: string,
  keepAs?: string,
): Promise<{ importS: number; floorS: number; parseWorkersS: number; imported: number }> {
  const ctx = await createTestContext(new Date('2025-12-18T03:00:00Z'));
  try {
    const files = await writeReplies(ctx, dir, 150);
    const inbox = path.dirname(files[0]!);
    // The app starts its parse worker at start-up (electron/main); so does the bench, before timing.
    await warmReplyParser();
    let t0 = performance.now();
    for (const f of files) await parseOnly(f);
    const floorS = (performance.now() - t0) / 1000;

    t0 = performance.now();
    const results = await importPaths(ctx, [inbox]);
    const importS = (performance.now() - t0) / 1000;
    const imported = results.filter((r) => r.status === 'imported').length;

    t0 = performance.now();
    await runPipelined(files, readAndParse, () => Promise.resolve([]));
    const parseWorkersS = (performance.now() - t0) / 1000;
    // The database as its office would send it to another (the office-import benchmark reads it).
    if (keepAs) await ctx.copyDatabase(keepAs);
    return { importS, floorS, parseWorkersS, imported };
  } finally {
    await ctx.dispose();
  }
}

/**
 * Peak memory of the command line importing a folder of replies, bundled as the app ships it (its
 * parse workers included): 500 replies (150 units) and 2,000 (600 units), each into its own database.
 * A batch holds only the replies in flight, so the two peaks should be about the same.
 */
export async function benchImportMemory(dir: string): Promise<{ peak500Mb: number; peak2000Mb: number }> {
  const cli = await buildCliBundle();
  const peak = async (units: number) => {
    const ctx = await createTestContext(new Date('2025-12-18T03:00:00Z'));
    const db = path.join(dir, `du-lieu-${units}.db`);
    let files: string[];
    try {
      files = await writeReplies(ctx, dir, units);
      await ctx.copyDatabase(db);
    } finally {
      await ctx.dispose();
    }
    const run = await runBuiltCli(cli, ['import', '--db', db, path.dirname(files[0]!)]);
    if (run.code !== 0) throw new Error(`import of ${files.length} replies failed: ${run.err}`);
    return run.peakMb;
  };
  return { peak500Mb: await peak(150), peak2000Mb: await peak(600) };
}
