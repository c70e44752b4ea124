import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../db/check-database';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../../electron/testing/run-cli-captured';
import { manyRecipientsMsg } from '../fixtures/msg';
import { ownLayoutWorkbook } from '../fixtures/replies';
import { englishIn } from '../support/english-words';
import { buildCliBundle } from '../support/built-cli';
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

function importInProcess(...files: string[]): Promise<Imported> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'import', '--db', db, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // The answer's time runs from the import's first progress line (the process and its loader started) to its end.
    let started = t0;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      if (!err.includes('Đang nhập') && c.includes('Đang nhập')) started = performance.now();
      err += c;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const rss = /maxrss-kb (\d+)/.exec(err);
      if (code !== 0 || !rss) return reject(new Error(`import ended with ${code}: ${err}`));
      const results = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Imported['results'][number]);
      // Whatever the file, what the user reads is Vietnamese.
      const english = results.flatMap((r) => [...r.errors, ...r.warnings]).find((said) => englishIn(said) !== null);
      if (english) return reject(new Error(`English in what the user reads: ${english}`));
      resolve({ results, ms, peakMb: Number(rss[1]) / 1024 });
    });
  });
}

const rows: [string, string, number][] = [
  ['Số cơ sở kinh doanh dịch vụ nhạy cảm', 'Cơ sở', 12],
  ['Số lượt kiểm tra', 'Lượt', 4],
];

/** Word's minimal parts, for a .docx whose document is the bomb. */
async function minimalDocx(): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An mbox of `messages` messages, each `lines` short lines (about 12 bytes each), written in pieces. */
function writeMbox(file: string, messages: number, lines: number): void {
  const fd = fs.openSync(file, 'w');
  const body = 'Dòng ngắn.\n'.repeat(lines);
  for (let i = 1; i <= messages; i++) {
    fs.writeSync(fd, `From vanthu@binhson.quangngai.gov.vn Fri Jul  3 09:00:00 2020\nFrom: vanthu@binhson.quangngai.gov.vn\nSubject: Thư ngắn ${i}\nMessage-ID: <mbox-${i}-${lines}@binhson>\nContent-Type: text/plain; charset=utf-8\n\n`);
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
  const put = (name: string, bytes: Buffer) => fs.writeFileSync(path.join(dir, name), bytes);
  put('word-khai-bao-sai-5gb.docx', await withLyingPart(await minimalDocx(), 'word/document.xml', 5, '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>', ' '));
  put('excel-khai-bao-sai-5gb.xlsx', await withLyingPart(await ownLayoutWorkbook(rows), 'xl/worksheets/sheet1.xml', 5, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', ' '));
  put('excel-100mb-chuoi.xlsx', await withHugeSharedStrings(await ownLayoutWorkbook(rows), 100));
  put('thu-1000-nguoi-nhan.msg', manyRecipientsMsg());
  writeMbox(path.join(dir, 'hop-thu-20mb.mbox'), 10, 190_000);
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

  it('leaves a database that passes its full check', async () => {
    expect(await checkDatabaseFile(db, true)).toMatchObject({ ok: true, problems: [] });
  });
});

