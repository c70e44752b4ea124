import { openSqliteFile } from '../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../testing/run-cli-captured';

/**
 * The 2025 merger on the command line, over the demo province (Quảng Ngãi, 51): Kon Tum (62) and
 * its district 608 are added, the two provinces merge into a new 51 on 1/7/2025, the district of
 * Bình Sơn (522) is split into two new communes, Đắk Hà (608) ends.
 */
let dir: string;
let db: string;
const BASIS = 'Nghị quyết 202/2025/QH15';
interface Listed {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'x.db');
  expect((await run('init', '--db', db, '--demo')).code).toBe(0);
  const list = path.join(dir, 'don-vi.csv');
  fs.writeFileSync(
    list,
    'code,name,kind,parent_code,emails\n62,Tỉnh Kon Tum,province,,\n608,Huyện Đắk Hà,district,62,\nX1,Xã Bình Sơn,commune,51,\nX2,Xã Bình Châu,commune,51,\n',
  );
  expect((await run('units', 'import', '--db', db, '--file', list)).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('units merge, split, end and events', () => {
  it('records the merger, lists the units of any day with their parent of that day, and refuses what cannot be', async () => {
    const merged = await run(
      'units',
      'merge',
      '--db',
      db,
      '--into',
      '51',
      '--name',
      'Tỉnh Quảng Ngãi (mới)',
      '--from',
      '51,62',
      '--date',
      '2025-07-01',
      '--basis',
      BASIS,
      '--json',
    );
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(merged.out)).toMatchObject({
      alreadyRecorded: false,
      backup: expect.stringMatching(/truoc-gop/),
      event: {
        kind: 'merge',
        from: [{ code: '51' }, { code: '62' }],
        to: [{ code: '51', name: 'Tỉnh Quảng Ngãi (mới)' }],
      },
    });
    const split = await run(
      'units',
      'split',
      '--db',
      db,
      '--from',
      '522',
      '--into',
      'X1:0.6,X2:0.4',
      '--date',
      '2025-07-01',
      '--basis',
      BASIS,
    );
    expect(split.code, split.err).toBe(0);
    expect(split.out).toContain(
      'Đã ghi nhận: 01/07/2025\tChia tách\t522 Thành phố Quảng Ngãi → X1 Xã Bình Sơn (60%), X2 Xã Bình Châu (40%)',
    );
    expect(
      (await run('units', 'end', '--db', db, '--code', '608', '--date', '2025-07-01', '--basis', 'Luật 72/2025/QH15'))
        .code,
    ).toBe(0);

    const events = JSON.parse((await run('units', 'events', '--db', db, '--json')).out) as {
      kind: string;
      basis: string;
    }[];
    expect(events.map((e) => [e.kind, e.basis])).toEqual([
      ['dissolve', 'Luật 72/2025/QH15'],
      ['split', BASIS],
      ['merge', BASIS],
    ]);

    const on = async (day: string) =>
      JSON.parse((await run('units', 'list', '--db', db, '--as-of', day, '--json')).out) as Listed[];
    const before = await on('2024-01-01');
    expect(before.find((u) => u.code === '522')).toMatchObject({ parentCode: '51' });
    expect(before.find((u) => u.code === '608')).toMatchObject({ parentCode: '62' });
    expect(before.filter((u) => u.kind === 'province').map((u) => u.name)).toEqual(['Tỉnh Quảng Ngãi', 'Tỉnh Kon Tum']);
    expect(before.some((u) => u.code === 'X1')).toBe(false);
    const after = await on('2026-01-01');
    expect(after.filter((u) => u.kind === 'province').map((u) => u.name)).toEqual(['Tỉnh Quảng Ngãi (mới)']);
    expect(after.find((u) => u.code === 'X1')).toMatchObject({
      parentCode: '51',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(before.find((u) => u.code === '522')).toMatchObject({ validFrom: null, validTo: '2025-07-01' });
    expect(after.some((u) => ['522', '608', '62'].includes(u.code))).toBe(false);
    // Districts not changed yet still stand, now under the new province.
    expect(after.find((u) => u.code === '524')).toMatchObject({ parentCode: '51' });

    // The same merger again: nothing changes.
    const again = await run(
      'units',
      'merge',
      '--db',
      db,
      '--into',
      '51',
      '--from',
      '51,62',
      '--date',
      '2025-07-01',
      '--basis',
      BASIS,
    );
    expect(again.out).toMatch(/^Đã ghi nhận từ trước, không thay đổi/);
    const bad = await run(
      'units',
      'split',
      '--db',
      db,
      '--from',
      '524',
      '--into',
      'X1:0.7,X2:0.5',
      '--date',
      '2025-07-01',
      '--basis',
      BASIS,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Tổng tỷ lệ chia là 120%, vượt quá 100%.');
    const malformed = await run(
      'units',
      'split',
      '--db',
      db,
      '--from',
      '524',
      '--into',
      'X1',
      '--date',
      '2025-07-01',
      '--basis',
      BASIS,
    );
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('Phần "X1" không đúng dạng MÃ:TỶ-LỆ');
    expect((await run('check', '--db', db, '--full', '--json')).code).toBe(0);
  });

  it('evaluates the programme in the old boundaries and in the new: a province total is the same where nothing was lost', async () => {
    const evaluate = async (day: string) =>
      JSON.parse(
        (await run('targets', 'evaluate', '--db', db, '--as-of', '2026-01-15', '--boundaries', day, '--json')).out,
      ) as { code: string; period: string; scope: string; actual: number | null; explanation: string; text: string }[];
    const old = await evaluate('2024-01-01');
    const now = await evaluate('2026-01-01');
    const growth = (list: typeof old) =>
      list.filter((e) => e.text.includes('tăng 3 - 5%')).map((e) => [e.period, e.actual]);
    expect(growth(old).length).toBe(5);
    expect(growth(now)).toEqual(growth(old));
    expect(old[0]!.explanation).toContain('Theo địa giới ngày 01/01/2024 (Tỉnh Quảng Ngãi)');
    expect(now.find((e) => e.text.includes('tăng 3 - 5%') && e.period === '2024')!.explanation).toContain(
      'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi (mới)): số liệu của 1 đơn vị được quy đổi theo sáp nhập, chia tách (Thành phố Quảng Ngãi)',
    );
    // The 2024 appendix by unit in today's units: Bình Sơn's split communes are columns, and the note says so.
    const sqlite = openSqliteFile(db, { readonly: true });
    const round2024 = (sqlite.prepare("SELECT id FROM report_round WHERE period_code = '2024'").get() as { id: number })
      .id;
    sqlite.close();
    const out = path.join(dir, 'xuat');
    fs.mkdirSync(out);
    const exported = await run(
      'export',
      '--db',
      db,
      '--round',
      String(round2024),
      '--format',
      'docx',
      '--by-unit',
      '--boundaries',
      '2026-01-01',
      '--out',
      out,
      '--json',
    );
    expect(exported.code, exported.err).toBe(0);
    const file = JSON.parse(exported.out).file as string;
    expect(path.basename(file)).toMatch(/^phu-luc-dia-gioi-2026-01-01-/);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Xã Bình Sơn');
    expect(xml).toContain('Ghi chú: Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi (mới)): số liệu của');
    const wrong = await run('targets', 'evaluate', '--db', db, '--boundaries', '2024-01-01', '--province', '99');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Ngày 01/01/2024 không có tỉnh mã "99" (có: 51 Tỉnh Quảng Ngãi, 62 Tỉnh Kon Tum).');
  });
});
