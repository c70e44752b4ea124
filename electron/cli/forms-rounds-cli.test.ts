import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { seedAppendixXlsx } from '../../tests/fixtures/seed-appendix';
import { runCliCaptured } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const run = runCliCaptured;

describe('forms and rounds on the command line', () => {
  it('form import → round create → round templates → submissions', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'phu-luc.xlsx');
    fs.writeFileSync(file, await seedAppendixXlsx());
    await run('init', '--db', db, '--demo');

    const imported = await run('form', 'import', '--db', db, '--file', file, '--name', 'Tổng kết 2016-2020', '--json');
    expect(imported.code).toBe(0);
    const form = JSON.parse(imported.out) as {
      id: number;
      rows: { row: number; text: string; unit: string | null; parentRow: number | null; valueRow: boolean }[];
    };
    expect(form.rows).toHaveLength(102);
    expect(form.rows[0]).toEqual({
      row: 1,
      text: 'Thực trạng tình hình',
      unit: null,
      parentRow: null,
      valueRow: false,
    });
    expect(form.rows[3]).toEqual({ row: 4, text: 'Trong đó:', unit: null, parentRow: 3, valueRow: false });
    expect(form.rows[4]).toEqual({
      row: 5,
      text: 'Cơ sở lưu trú (nhà nghỉ, khách sạn, nhà trọ, nhà cho thuê,…)',
      unit: 'Cơ sở',
      parentRow: 3,
      valueRow: true,
    });

    const forms = JSON.parse((await run('form', 'list', '--db', db, '--json')).out);
    // The demo brings its own yearly form; the imported one is listed beside it.
    expect(forms).toHaveLength(2);
    expect(forms).toContainEqual(
      expect.objectContaining({ id: form.id, name: 'Tổng kết 2016-2020', rows: 102, valueRows: 75 }),
    );

    const created = await run(
      'round',
      'create',
      '--db',
      db,
      '--form',
      String(form.id),
      '--period',
      '2016-2020',
      '--cutoff',
      '2020-06-30',
      '--deadline',
      '2020-07-05',
      '--units',
      '524,534,CA',
      '--json',
    );
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: number };

    const out = path.join(dir, 'mau');
    const templates = await run('round', 'templates', '--db', db, '--round', String(id), '--out', out);
    expect(templates.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      '524-huyen-binh-son-2016-2020.eml',
      '524-huyen-binh-son-2016-2020.xlsx',
      '534-thi-xa-duc-pho-2016-2020.eml',
      '534-thi-xa-duc-pho-2016-2020.xlsx',
      'ca-cong-an-tinh-2016-2020.eml',
      'ca-cong-an-tinh-2016-2020.xlsx',
    ]);

    const subs = JSON.parse((await run('submissions', '--db', db, '--round', String(id), '--json')).out);
    expect(subs).toEqual([
      { unitCode: 'CA', unitName: 'Công an tỉnh', status: 'expected', receivedAt: null, late: true, revisions: 0 },
      { unitCode: '524', unitName: 'Huyện Bình Sơn', status: 'expected', receivedAt: null, late: true, revisions: 0 },
      { unitCode: '534', unitName: 'Thị xã Đức Phổ', status: 'expected', receivedAt: null, late: true, revisions: 0 },
    ]);
  });

  it('explains bad input in Vietnamese and changes nothing', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db, '--demo');
    const letter = path.join(dir, 'cong-van.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Thư').addRow(['Kính gửi Sở Y tế']);
    await wb.xlsx.writeFile(letter);
    const formsBefore = (await run('form', 'list', '--db', db, '--json')).out;
    const noTable = await run('form', 'import', '--db', db, '--file', letter);
    expect(noTable).toMatchObject({ code: 1, err: expect.stringContaining('Không tìm thấy bảng biểu mẫu') });
    expect((await run('form', 'list', '--db', db, '--json')).out).toBe(formsBefore);

    const file = path.join(dir, 'phu-luc.xlsx');
    fs.writeFileSync(file, await seedAppendixXlsx());
    const { id } = JSON.parse((await run('form', 'import', '--db', db, '--file', file, '--json')).out);
    const unknown = await run(
      'round',
      'create',
      '--db',
      db,
      '--form',
      String(id),
      '--period',
      '2025',
      '--cutoff',
      '2025-12-14',
      '--deadline',
      '2025-12-20',
      '--units',
      '524,ABC',
    );
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('không có đơn vị mã "ABC"') });
    const early = await run(
      'round',
      'create',
      '--db',
      db,
      '--form',
      String(id),
      '--period',
      '2025',
      '--cutoff',
      '2025-12-14',
      '--deadline',
      '2025-12-01',
    );
    expect(early).toMatchObject({ code: 1, err: expect.stringContaining('sớm hơn ngày chốt số liệu') });
    const notANumber = await run('submissions', '--db', db, '--round', 'một');
    expect(notANumber).toMatchObject({ code: 2, err: expect.stringContaining('--round phải là một số') });
    const missing = await run('submissions', '--db', db, '--round', '42');
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('Không có đợt báo cáo số 42') });
  });
});
