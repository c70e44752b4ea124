import { openSqliteFile } from '../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../db/check-database';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../../electron/testing/run-cli-captured';
import { manyRecipientsMsg } from '../fixtures/msg';
import { buildEml, fillTemplate, ownLayoutWorkbook, withEditedIdentity } from '../fixtures/replies';
import { seedAppendixXlsx } from '../fixtures/seed-appendix';
import { englishIn } from '../support/english-words';
import { buildCliBundle, runBuiltCli } from '../support/built-cli';
import { withHugeSharedStrings, withLyingPart } from '../fixtures/hostile-large/lying-zips';

/**
 * Hostile files too large to commit, made here, each imported by the command line in a process of
 * its own as an office would import it: answered within 10 s, the whole process's peak memory (main
 * thread and parse workers) within 600 MB, the database sound after all of them.
 */
const FILE_MS = 10_000;
const PEAK_MB = 600;
/** The command line as built (see buildCliBundle): its parse workers start from the built parse-worker.js. */
let cli: string;

let dir: string;
let db: string;

interface Imported {
  results: { file: string; status: string; values: number; warnings: string[]; errors: string[] }[];
  ms: number;
  peakMb: number;
}

const runInProcess = (args: string[]) => runBuiltCli(cli, args);

async function importInProcess(...files: string[]): Promise<Imported> {
  const ran = await runInProcess(['import', '--db', db, ...files]);
  if (ran.code !== 0) throw new Error(`import ended with ${ran.code}: ${ran.err}`);
  const results = ran.out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Imported['results'][number]);
  // Whatever the file, what the user reads is Vietnamese.
  const english = results.flatMap((r) => [...r.errors, ...r.warnings]).find((said) => englishIn(said) !== null);
  if (english) throw new Error(`English in what the user reads: ${english}`);
  return { results, ms: ran.ms, peakMb: ran.peakMb };
}

const rows: [string, string, number][] = [
  ['Số cơ sở kinh doanh dịch vụ nhạy cảm', 'Cơ sở', 12],
  ['Số lượt kiểm tra', 'Lượt', 4],
];

/** Word's minimal parts, for a .docx whose document is the bomb. */
async function minimalDocx(): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An mbox of `messages` messages, each `lines` short lines (about 12 bytes each), written in pieces. */
function writeMbox(file: string, messages: number, lines: number): void {
  const fd = fs.openSync(file, 'w');
  const body = 'Dòng ngắn.\n'.repeat(lines);
  for (let i = 1; i <= messages; i++) {
    fs.writeSync(
      fd,
      `From vanthu@binhson.quangngai.gov.vn Fri Jul  3 09:00:00 2020\nFrom: vanthu@binhson.quangngai.gov.vn\nSubject: Thư ngắn ${i}\nMessage-ID: <mbox-${i}-${lines}@binhson>\nContent-Type: text/plain; charset=utf-8\n\n`,
    );
    fs.writeSync(fd, body);
    fs.writeSync(fd, '\n');
  }
  fs.closeSync(fd);
}

beforeAll(async () => {
  cli = await buildCliBundle();
  dir = makeTempDir('pcmd-hostile-');
  db = path.join(dir, 'du-lieu.db');
  await run('init', '--db', db, '--demo');
  // A round of the seed appendix for two districts, with their templates, for the replies below.
  const appendix = path.join(dir, 'phu-luc.xlsx');
  fs.writeFileSync(appendix, await seedAppendixXlsx());
  const { id: formId } = JSON.parse((await run('form', 'import', '--db', db, '--file', appendix, '--json')).out);
  const { id: roundId } = JSON.parse(
    (
      await run(
        'round',
        'create',
        '--db',
        db,
        '--form',
        String(formId),
        '--period',
        '2016-2020',
        '--cutoff',
        '2020-06-30',
        '--deadline',
        '2099-07-05',
        '--units',
        '524,534',
        '--json',
      )
    ).out,
  );
  await run('round', 'templates', '--db', db, '--round', String(roundId), '--out', path.join(dir, 'mau'));
  const template = (code: string) =>
    path.join(
      dir,
      'mau',
      fs.readdirSync(path.join(dir, 'mau')).find((f) => f.startsWith(`${code}-`) && f.endsWith('.xlsx'))!,
    );
  const filled = (code: string) => fillTemplate(template(code), { R003: 7 });
  const mail = (from: string, messageId: string, content: Buffer) =>
    buildEml({ from, subject: 'Báo cáo', messageId, attachments: [{ filename: 'bc.xlsx', content }] });
  const binhSon = 'vpubnd.binhson@quangngai.gov.vn';
  const ducPho = 'vpubnd.ducpho@quangngai.gov.vn';
  const full524 = await mail(binhSon, '<day-du-524@binhson>', await filled('524'));
  const full534 = await mail(ducPho, '<day-du-534@ducpho>', await filled('534'));
  const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.7));
  const put = (name: string, bytes: Buffer) => fs.writeFileSync(path.join(dir, name), bytes);
  put(
    'word-khai-bao-sai-5gb.docx',
    await withLyingPart(
      await minimalDocx(),
      'word/document.xml',
      5,
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
      ' ',
    ),
  );
  put(
    'excel-khai-bao-sai-5gb.xlsx',
    await withLyingPart(
      await ownLayoutWorkbook(rows),
      'xl/worksheets/sheet1.xml',
      5,
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ' ',
    ),
  );
  put('excel-100mb-chuoi.xlsx', await withHugeSharedStrings(await ownLayoutWorkbook(rows), 100));
  put('thu-1000-nguoi-nhan.msg', manyRecipientsMsg());
  writeMbox(path.join(dir, 'hop-thu-20mb.mbox'), 10, 190_000);
  put('524-cat-cut.eml', cut(full524));
  put('524-day-du.eml', full524);
  put('534-day-du.eml', full534);
  put('534-cat-cut.eml', cut(full534));
  put(
    'mau-sua-dinh-danh.eml',
    await mail(ducPho, '<sua@ducpho>', await withEditedIdentity(await filled('524'), 'unitCode', '534')),
  );
  put('mau-tu-don-vi-khac.eml', await mail(ducPho, '<khac@ducpho>', await filled('524')));
  writeMbox(path.join(dir, 'hop-thu-200mb.mbox'), 100, 190_000);
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile files made at test time, each imported by the command line in its own process', () => {
  it('a .docx whose headers lie (5 GB inflated): refused by the bytes it produced', async () => {
    expect(fs.statSync(path.join(dir, 'word-khai-bao-sai-5gb.docx')).size).toBeGreaterThan(4_000_000);
    const r = await importInProcess(path.join(dir, 'word-khai-bao-sai-5gb.docx'));
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ status: 'rejected', values: 0 });
    expect(r.results[0]!.errors.join('\n')).toMatch(/có nội dung quá lớn khi giải nén \(giới hạn 30 MB\); không đọc/);
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('an .xlsx whose headers lie (5 GB inflated): refused by the bytes it produced', async () => {
    const r = await importInProcess(path.join(dir, 'excel-khai-bao-sai-5gb.xlsx'));
    expect(r.results[0]).toMatchObject({ status: 'rejected', values: 0 });
    expect(r.results[0]!.errors.join('\n')).toMatch(/quá lớn khi giải nén \(giới hạn 25 MB mỗi phần, 50 MB tất cả\)/);
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('a workbook with 100 MB of shared strings behind honest headers: refused within bounds', async () => {
    expect(fs.statSync(path.join(dir, 'excel-100mb-chuoi.xlsx')).size).toBeLessThan(2_000_000);
    const r = await importInProcess(path.join(dir, 'excel-100mb-chuoi.xlsx'));
    expect(r.results[0]).toMatchObject({ status: 'rejected', values: 0 });
    expect(r.results[0]!.errors.join('\n')).toMatch(/quá lớn khi giải nén/);
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('an Outlook message with 1,000 recipients and 10 attached messages: read, and kept for review', async () => {
    const r = await importInProcess(path.join(dir, 'thu-1000-nguoi-nhan.msg'));
    expect(r.results[0]).toMatchObject({ status: 'needs-review' });
    expect(r.results[0]!.warnings.join('\n')).toMatch(/Bỏ qua tệp "Chuyển tiếp: Báo cáo tháng 1\.msg"/);
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('an mbox of 20 MB of short lines, then one of 200 MB: streamed, memory flat', async () => {
    const small = await importInProcess(path.join(dir, 'hop-thu-20mb.mbox'));
    expect(small.results).toHaveLength(10);
    expect(small.results.every((x) => x.status === 'needs-review')).toBe(true);
    expect(small.ms).toBeLessThan(FILE_MS);
    expect(small.peakMb).toBeLessThan(PEAK_MB);
    const large = await importInProcess(path.join(dir, 'hop-thu-200mb.mbox'));
    expect(large.results).toHaveLength(100);
    // The first ten are the same messages as the small mailbox's: already imported.
    expect(large.results.filter((x) => x.status === 'needs-review')).toHaveLength(90);
    expect(large.peakMb).toBeLessThan(PEAK_MB);
    // Ten times the mailbox, not ten times the memory.
    expect(large.peakMb).toBeLessThan(small.peakMb * 1.3 + 50);
  }, 300_000);

  it('a cut copy first, then its complete copy: refused as cut, then imported', async () => {
    const cutFirst = await importInProcess(path.join(dir, '524-cat-cut.eml'));
    expect(cutFirst.results[0]).toMatchObject({
      status: 'rejected',
      errors: [expect.stringMatching(/^Thư bị cắt cụt/)],
    });
    const whole = await importInProcess(path.join(dir, '524-day-du.eml'));
    expect(whole.results[0]).toMatchObject({ status: 'imported', unitCode: '524', values: 1 });
    for (const r of [cutFirst, whole]) {
      expect(r.ms).toBeLessThan(FILE_MS);
      expect(r.peakMb).toBeLessThan(PEAK_MB);
    }
  });

  it('the complete copy first, then a cut copy: the cut one is refused as cut, not as a duplicate', async () => {
    const whole = await importInProcess(path.join(dir, '534-day-du.eml'));
    expect(whole.results[0]).toMatchObject({ status: 'imported', unitCode: '534' });
    const cutAfter = await importInProcess(path.join(dir, '534-cat-cut.eml'));
    expect(cutAfter.results[0]).toMatchObject({
      status: 'rejected',
      errors: [expect.stringMatching(/^Thư bị cắt cụt/)],
    });
    for (const r of [whole, cutAfter]) {
      expect(r.ms).toBeLessThan(FILE_MS);
      expect(r.peakMb).toBeLessThan(PEAK_MB);
    }
  });

  it("templates with an edited identity, and from another unit's known address: held for review, nothing stored", async () => {
    const r = await importInProcess(path.join(dir, 'mau-sua-dinh-danh.eml'), path.join(dir, 'mau-tu-don-vi-khac.eml'));
    expect(r.results.map((x) => [x.status, x.values])).toEqual([
      ['needs-review', 0],
      ['needs-review', 0],
    ]);
    expect(r.results[0]!.warnings.join('\n')).toMatch(/Thông tin nhận dạng ẩn trong biểu mẫu đã bị sửa/);
    expect(r.results[1]!.warnings.join('\n')).toMatch(
      /Biểu mẫu ghi đơn vị Huyện Bình Sơn nhưng thư gửi từ vpubnd\.ducpho@quangngai\.gov\.vn, địa chỉ của Thị xã Đức Phổ/,
    );
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('a backup with a trigger added: restore refuses it, naming the trigger, and the database is as it was', async () => {
    const backups = path.join(dir, 'sao-luu');
    expect((await run('backup', '--db', db, '--out', backups)).code).toBe(0);
    const backup = path.join(
      backups,
      fs.readdirSync(backups).find((f) => f.endsWith('.db'))!,
    );
    const raw = openSqliteFile(backup);
    raw.exec(
      'CREATE TRIGGER doi_so_lieu AFTER INSERT ON data_value BEGIN UPDATE data_value SET num_value = 0 WHERE id = new.id; END',
    );
    raw.close();
    const state = () => {
      const live = openSqliteFile(db, { readonly: true });
      try {
        return live
          .prepare(
            "SELECT (SELECT count(*) FROM data_value) AS n, (SELECT count(*) FROM sqlite_master WHERE name = 'doi_so_lieu') AS t",
          )
          .get();
      } finally {
        live.close();
      }
    };
    const before = state();
    const r = await runInProcess(['restore', '--db', db, '--from', backup]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('có thêm trigger "doi_so_lieu" (trên bảng data_value) không do phần mềm tạo');
    expect(englishIn(r.err)).toBeNull();
    expect(state()).toEqual(before);
    expect(before).toMatchObject({ t: 0 });
    expect(r.ms).toBeLessThan(FILE_MS);
    expect(r.peakMb).toBeLessThan(PEAK_MB);
  });

  it('leaves a database that passes its full check', async () => {
    expect(await checkDatabaseFile(db, true)).toMatchObject({ ok: true, problems: [] });
  });
});
