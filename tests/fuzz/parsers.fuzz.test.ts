import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReply } from '../../electron/services/inbox/parse-reply';
import { englishIn } from '../support/english-words';
import { detectFormTable } from '../../electron/services/forms/detect-form-table';
import type { SourceTable } from '../../electron/services/files/source-table';
import { isAppError } from '../../shared/errors';
import { fixLegacyText, tcvn3ToUnicode, vniToUnicode } from '../../shared/text/legacy-encodings';
import { formatNumber, parseViNumber } from '../../shared/text/format-vi';
import { toTcvn3, toVni } from '../fixtures/legacy';
import { buildMsg } from '../fixtures/msg';
import { buildEml } from '../fixtures/replies';
import { makeTempDir } from '../../db/testing/test-db';
import { convertWithLibreOffice } from '../../electron/services/export/libreoffice';
import { seedAppendixDocx, seedAppendixXls, seedAppendixXlsx } from '../fixtures/seed-appendix';

/**
 * Fuzzing every parser a unit's reply goes through, 10,000 cases each (fast-check, fixed seeds so a
 * failure is replayed exactly): a reply file truncated, with bytes flipped, or with an entry inside
 * its zip container damaged, must come back from parseReply either read or refused with a
 * Vietnamese reason — never a crash, never over the time bound — and the text parsers must never
 * throw on any text.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/**
 * Cases per file type. Old .xls cases are slower and run 2,000 here. A damaged Outlook .msg made its
 * reader grow its memory until the process died (a looping sector chain or directory tree), before
 * compound files were rebuilt from their streams for it (rebuild-compound-file.ts).
 */
const FILE_RUNS: Record<string, number> = {
  'bao-cao.xlsx': RUNS,
  'bao-cao.xls': Math.min(RUNS, 2_000),
  'bao-cao.docx': RUNS,
  'bao-cao.doc': RUNS,
  'thu.eml': RUNS,
  'thu.msg': RUNS,
};
/** A damaged small reply is read or refused within this. */
const CASE_MS = 2_000;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

interface Damage {
  kind: 'truncate' | 'flip' | 'entry';
  at: number;
  bytes: number[];
}

const damage = fc.record({
  kind: fc.constantFrom<Damage['kind']>('truncate', 'flip', 'flip', 'entry'),
  at: fc.nat(),
  bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 8 }),
});

/** The seed damaged as told: cut short, some bytes changed, or (for a zip) one entry's bytes changed and re-zipped. */
async function applyDamage(seed: Buffer, entries: Map<string, Uint8Array> | null, d: Damage): Promise<Buffer> {
  if (d.kind === 'truncate') return seed.subarray(0, d.at % seed.length);
  if (d.kind === 'entry' && entries && entries.size > 0) {
    const names = [...entries.keys()];
    const name = names[d.at % names.length]!;
    const zip = new JSZip();
    for (const [n, content] of entries) {
      if (n !== name) zip.file(n, content);
      else {
        const copy = Buffer.from(content);
        d.bytes.forEach((b, i) => {
          if (copy.length) copy[(d.at * 31 + i * 977) % copy.length] = b;
        });
        zip.file(n, copy.subarray(0, copy.length - (d.at % 3 === 0 ? d.at % Math.max(1, copy.length) : 0)));
      }
    }
    return zip.generateAsync({ type: 'nodebuffer' });
  }
  const copy = Buffer.from(seed);
  d.bytes.forEach((b, i) => {
    copy[(d.at + i * 7919) % copy.length] = b;
  });
  return copy;
}

async function zipEntries(bytes: Buffer): Promise<Map<string, Uint8Array> | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const out = new Map<string, Uint8Array>();
    for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('uint8array'));
    return out;
  } catch {
    return null;
  }
}

const seeds: Record<string, Buffer> = {};
let sofficeBefore: string | undefined;
beforeAll(async () => {
  const xlsx = await seedAppendixXlsx();
  seeds['bao-cao.xlsx'] = xlsx;
  seeds['bao-cao.xls'] = seedAppendixXls();
  seeds['bao-cao.docx'] = await seedAppendixDocx();
  seeds['thu.eml'] = await buildEml({
    from: 'vpubnd.binhson@quangngai.gov.vn',
    subject: 'Báo cáo',
    attachments: [{ filename: 'bc.xlsx', content: xlsx }],
  });
  seeds['thu.msg'] = buildMsg({
    subject: 'Báo cáo',
    senderName: 'UBND huyện Bình Sơn',
    senderEmail: 'vpubnd.binhson@quangngai.gov.vn',
    messageId: '<bc@binhson>',
    attachments: [{ filename: 'bc.xlsx', content: xlsx }],
  });
  // An old Word file as LibreOffice writes it from the seed appendix.
  const dir = makeTempDir('pcmd-fuzz-');
  fs.writeFileSync(path.join(dir, 'bao-cao.docx'), seeds['bao-cao.docx']);
  seeds['bao-cao.doc'] = fs.readFileSync(await convertWithLibreOffice(path.join(dir, 'bao-cao.docx'), 'doc', dir));
  fs.rmSync(dir, { recursive: true, force: true });
  // Once the seeds are made: a damaged .doc the text reader gives up on would go to LibreOffice, and
  // the fuzzing is of the readers themselves, so LibreOffice counts as not installed while they run
  // (its conversion is tested on real files in real-world-files.test.ts).
  sofficeBefore = process.env['PCMD_SOFFICE'];
  process.env['PCMD_SOFFICE'] = path.join(os.tmpdir(), 'khong-co-libreoffice');
}, 120_000);

afterAll(() => {
  if (sofficeBefore === undefined) delete process.env['PCMD_SOFFICE'];
  else process.env['PCMD_SOFFICE'] = sofficeBefore;
});

describe.each(Object.keys(FILE_RUNS))('a damaged %s', (fileName) => {
  it(`is read or refused with a Vietnamese reason, ${FILE_RUNS[fileName]!.toLocaleString('vi-VN')} cases, each within ${CASE_MS / 1000} s`, async () => {
    const runs = FILE_RUNS[fileName]!;
    const seed = seeds[fileName]!;
    const entries = await zipEntries(seed);
    let cases = 0;
    let refused = 0;
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const bytes = await applyDamage(seed, entries, d);
        const t0 = performance.now();
        let result;
        try {
          result = await parseReply({ fileName, bytes });
        } catch (e) {
          throw new Error(`the parser threw instead of refusing: ${isAppError(e) ? e.message : (e as Error).stack}`);
        }
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        cases++;
        if (!result.ok) {
          refused++;
          expect(result.error).toMatch(VIETNAMESE);
          expect(englishIn(result.error), result.error).toBeNull();
        } else if (!result.found.data) {
          // Read as a message or file, but no figures in it: the reason is noted in Vietnamese, or the
          // message has nothing attached (the import then says "Thư không có tệp đính kèm.").
          refused++;
          if (result.src.message.attachments.length > 0 && result.found.manual.length === 0)
            expect(result.found.notes.join(' ')).toMatch(VIETNAMESE);
        }
        if (result.ok) {
          for (const note of result.found.notes) expect(englishIn(note), note).toBeNull();
        }
        expect(ms).toBeLessThan(CASE_MS);
      }),
      { numRuns: runs, seed: 20261123 + fileName.length, endOnFailure: true },
    );
    expect(cases).toBe(runs);
    // Damage that misses what the reader uses is read; the rest is refused. Both happen.
    expect(refused).toBeGreaterThan(0);
    console.info(
      `${fileName}: ${cases} cases, ${refused} refused or without figures, slowest ${slowest.toFixed(0)} ms`,
    );
  });
});

describe('text parsers on any text', () => {
  it(`read Vietnamese numbers: never throw, give a finite number or nothing, and read back what formatNumber wrote (${RUNS.toLocaleString('vi-VN')} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const n = parseViNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: RUNS, seed: 1 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (whole < 0 ? -cents : cents) / 100;
        expect(parseViNumber(formatNumber(value))).toBeCloseTo(value, 2);
      }),
      { numRuns: RUNS, seed: 2 },
    );
  });

  it(`convert TCVN3 and VNI: never throw, and bring back Vietnamese text written in either (${RUNS.toLocaleString('vi-VN')} cases)`, () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(
        ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ '.split(''),
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(typeof fixLegacyText(s)).toBe('string');
        expect(typeof tcvn3ToUnicode(s)).toBe('string');
        expect(typeof vniToUnicode(s)).toBe('string');
      }),
      { numRuns: RUNS, seed: 3 },
    );
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(tcvn3ToUnicode(toTcvn3(s))).toBe(s.normalize('NFC'));
        expect(vniToUnicode(toVni(s))).toBe(s.normalize('NFC'));
      }),
      { numRuns: RUNS, seed: 4 },
    );
  });

  it(`detect a form's table in any grid of cells: a table or a Vietnamese refusal (${RUNS.toLocaleString('vi-VN')} cases)`, () => {
    const words = [
      'STT',
      'Nội dung',
      'Đơn vị tính',
      'Số lượng',
      'Kết quả',
      'Trong đó:',
      '- Tổng số',
      '+ Số cơ sở',
      'I',
      '1.1',
      'Cơ sở',
      'Người',
      '12',
      '1.250',
      '',
      'x',
    ];
    const cell = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 }));
    const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(table, { minLength: 0, maxLength: 3 }), (tables) => {
        const source: SourceTable[] = tables.map((rows, i) => ({
          name: `bảng ${i + 1}`,
          sheet: null,
          firstColumn: 0,
          rows: rows.map((cells, r) => ({ cells, ref: r + 1 })),
        }));
        try {
          const found = detectFormTable('phu-luc.xlsx', source);
          expect(found).toBeTruthy();
        } catch (e) {
          if (!isAppError(e)) throw e;
          expect(e.message).toMatch(VIETNAMESE);
        }
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });
});
