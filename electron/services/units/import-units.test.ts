import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listUnits } from '../../../db/units/repo';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { importUnitsFromFile } from './import-units';
import { listUnitTree } from './list-units';
import { listUnitEvents } from './unit-changes';
import { addDays, vietnamDay } from '../../../shared/clock';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

function writeFile(name: string, content: string | Uint8Array): string {
  const p = path.join(ctx.database.dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const provinceCsv = [
  'code,name,kind,parent_code,emails',
  '51,Tỉnh Quảng Ngãi,province,,',
  '524,Huyện Bình Sơn,district,51,vpubnd.binhson@quangngai.gov.vn',
  '534,Thị xã Đức Phổ,huyện,51,"ducpho@quangngai.gov.vn; ldtbxh.ducpho@quangngai.gov.vn"',
  'SYT,Sở Y tế,secretariat,51,syt@quangngai.gov.vn',
].join('\n');

async function snapshot() {
  return (await listUnits(ctx.db))
    .map(({ id: _id, parentId: _p, ...u }) => u)
    .sort((a, b) => a.code.localeCompare(b.code));
}

describe('importing a unit list', () => {
  it('creates the units with parents, kinds and addresses', async () => {
    const report = await importUnitsFromFile(ctx, writeFile('units.csv', provinceCsv));
    expect(report).toEqual({ fileName: 'units.csv', created: 4, updated: 0, unchanged: 0 });
    const units = await snapshot();
    expect(units).toEqual([
      {
        code: '51',
        name: 'Tỉnh Quảng Ngãi',
        kind: 'province',
        parentCode: null,
        emails: [],
        validFrom: null,
        validTo: null,
      },
      {
        code: '524',
        name: 'Huyện Bình Sơn',
        kind: 'district',
        parentCode: '51',
        emails: ['vpubnd.binhson@quangngai.gov.vn'],
        validFrom: null,
        validTo: null,
      },
      {
        code: '534',
        name: 'Thị xã Đức Phổ',
        kind: 'district',
        parentCode: '51',
        emails: ['ducpho@quangngai.gov.vn', 'ldtbxh.ducpho@quangngai.gov.vn'],
        validFrom: null,
        validTo: null,
      },
      {
        code: 'SYT',
        name: 'Sở Y tế',
        kind: 'secretariat',
        parentCode: '51',
        emails: ['syt@quangngai.gov.vn'],
        validFrom: null,
        validTo: null,
      },
    ]);
  });

  it('importing the same file twice gives the same units and reports no change', async () => {
    const file = writeFile('units.csv', provinceCsv);
    await importUnitsFromFile(ctx, file);
    const first = await snapshot();
    const again = await importUnitsFromFile(ctx, file);
    expect(again).toEqual({ fileName: 'units.csv', created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(first);
  });

  it('updates names, parents and addresses of existing codes without duplicating them', async () => {
    await importUnitsFromFile(ctx, writeFile('units.csv', provinceCsv));
    const changed = [
      'code;name;kind;parent_code;emails', // Excel on a Vietnamese Windows writes ';'
      '534;Thị xã Đức Phổ (mới);district;51;ducpho@quangngai.gov.vn',
      '524;Huyện Bình Sơn;district;534;vpubnd.binhson@quangngai.gov.vn',
    ].join('\r\n');
    const report = await importUnitsFromFile(ctx, writeFile('changes.csv', changed));
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const units = await snapshot();
    expect(units).toHaveLength(4);
    expect(units.find((u) => u.code === '534')).toMatchObject({
      name: 'Thị xã Đức Phổ (mới)',
      emails: ['ducpho@quangngai.gov.vn'],
    });
    expect(units.find((u) => u.code === '524')).toMatchObject({ parentCode: '534' });
    // The former parent is kept for the days before the change, under a recorded event naming the file.
    const today = vietnamDay(ctx.clock());
    const before = await listUnitTree(ctx, addDays(today, -1));
    expect(before.find((u) => u.code === '524')).toMatchObject({ parentCode: '51' });
    expect((await listUnitTree(ctx, today)).find((u) => u.code === '524')).toMatchObject({ parentCode: '534' });
    expect(await listUnitEvents(ctx)).toMatchObject([
      {
        kind: 'reparent',
        date: today,
        basis: 'Danh sách đơn vị "changes.csv"',
        from: [{ code: '524', name: 'Huyện Bình Sơn' }],
        to: [],
      },
    ]);
  });

  it('accepts Vietnamese headers, a BOM, Windows-1258 text and children listed before parents', async () => {
    const text =
      '\uFEFFMã;Tên đơn vị;Loại;Mã cấp trên;Email\n524;Huyện Bình Sơn;Huyện;51;\n51;Tỉnh Quảng Ngãi;Tỉnh;;\n';
    await importUnitsFromFile(ctx, writeFile('utf8.csv', text));
    expect((await snapshot()).map((u) => [u.code, u.parentCode, u.kind])).toEqual([
      ['51', null, 'province'],
      ['524', '51', 'district'],
    ]);
    // "Sở Tư pháp" as Excel's plain "CSV" writes it on a Vietnamese Windows (Windows-1258):
    // ơ = 0xF5 followed by the combining hook above 0xD2, ư = 0xFD, á = 0xE1.
    const cp1258 = Buffer.concat([
      Buffer.from('code,name,kind,parent_code\nSTP,S', 'latin1'),
      Buffer.from([0xf5, 0xd2]),
      Buffer.from(' T', 'latin1'),
      Buffer.from([0xfd]),
      Buffer.from(' ph', 'latin1'),
      Buffer.from([0xe1]),
      Buffer.from('p,department,51\n', 'latin1'),
    ]);
    await importUnitsFromFile(ctx, writeFile('cp1258.csv', cp1258));
    expect((await snapshot()).find((u) => u.code === 'STP')?.name).toBe('Sở Tư pháp');
  });

  it('reads .xlsx and .xls workbooks', async () => {
    for (const bookType of ['xlsx', 'biff8'] as const) {
      const ws = XLSX.utils.aoa_to_sheet([
        ['code', 'name', 'kind', 'parent_code', 'emails'],
        ['51', 'Tỉnh Quảng Ngãi', 'province', '', ''],
        ['536', 'Huyện Lý Sơn', 'district', '51', 'lyson@quangngai.gov.vn'],
      ]);
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, 'Đơn vị');
      const bytes = XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
      const name = bookType === 'xlsx' ? 'units.xlsx' : 'units.xls';
      await importUnitsFromFile(ctx, writeFile(name, bytes));
    }
    const units = await snapshot();
    expect(units.map((u) => [u.code, u.name, u.parentCode, u.emails])).toEqual([
      ['51', 'Tỉnh Quảng Ngãi', null, []],
      ['536', 'Huyện Lý Sơn', '51', ['lyson@quangngai.gov.vn']],
    ]);
  });

  it('lists units as a tree in official order with a diacritic-free search key', async () => {
    await importUnitsFromFile(ctx, writeFile('units.csv', provinceCsv));
    const tree = await listUnitTree(ctx);
    expect(tree.map((u) => [u.code, u.level])).toEqual([
      ['51', 0],
      ['SYT', 1],
      ['524', 1],
      ['534', 1],
    ]);
    expect(tree[0]?.hasChildren).toBe(true);
    expect(tree.find((u) => u.code === '534')?.searchKey).toContain('thi xa duc pho');
  });
});

describe('a bad unit list', () => {
  async function expectRejected(name: string, content: string | Uint8Array, pattern: RegExp) {
    await importUnitsFromFile(ctx, writeFile('good.csv', provinceCsv));
    const before = await snapshot();
    const attempt = importUnitsFromFile(ctx, writeFile(name, content));
    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(pattern) });
    expect(await snapshot()).toEqual(before);
  }

  it('names the line of an unclosed quote', async () => {
    await expectRejected(
      'broken.csv',
      'code,name,kind,parent_code,emails\n52,"Tỉnh Bình Định,province,,\n',
      /[Dd]òng 2.*ngoặc kép/,
    );
  });
  it('names the line with the wrong number of columns', async () => {
    await expectRejected(
      'cols.csv',
      'code,name,kind,parent_code,emails\n99,Huyện X,district,51,,extra,more\n',
      /[Dd]òng 2.*số cột/,
    );
  });
  it('names every line with a missing code, an unknown kind or a bad address, and imports none of the file', async () => {
    const csv = [
      'code,name,kind,parent_code,emails',
      '600,Huyện Mới,district,51,',
      ',Huyện Không Mã,district,51,',
      '601,Huyện Lạ,hành tinh,51,',
      '602,Huyện Sai Thư,district,51,khong-phai-dia-chi',
    ].join('\n');
    await importUnitsFromFile(ctx, writeFile('good.csv', provinceCsv));
    const before = await snapshot();
    const error = await importUnitsFromFile(ctx, writeFile('bad.csv', csv)).catch((e) => e);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/có 3 lỗi nên chưa nhập đơn vị nào/);
    expect(error.details).toEqual([
      { where: 'dòng 3', message: 'thiếu mã đơn vị' },
      { where: 'dòng 4', message: expect.stringContaining('loại đơn vị "hành tinh" không hợp lệ') },
      { where: 'dòng 5', message: 'địa chỉ thư "khong-phai-dia-chi" không hợp lệ' },
    ]);
    expect(await snapshot()).toEqual(before);
  });
  it('refuses a parent code that exists nowhere', async () => {
    await expectRejected(
      'orphan.csv',
      'code,name,kind,parent_code\n700,Huyện Mồ Côi,district,99\n',
      /[Dd]òng 2.*mã cấp trên "99"/,
    );
  });
  it('refuses duplicate codes in one file', async () => {
    await expectRejected('dup.csv', 'code,name,kind\n800,A,district\n800,B,district\n', /[Dd]òng 3.*trùng với dòng 2/);
  });
  it('refuses a parent cycle and keeps the stored tree', async () => {
    await expectRejected(
      'cycle.csv',
      'code,name,kind,parent_code\n51,Tỉnh Quảng Ngãi,province,524\n',
      /vòng lặp cấp trên/,
    );
  });
  it('refuses a header without the required columns', async () => {
    await expectRejected(
      'header.csv',
      'mã số thuế,địa chỉ\n1,2\n',
      /thiếu cột code \(mã\), name \(tên\), kind \(loại\)/,
    );
  });
  it('refuses a file that is not a workbook', async () => {
    await expectRejected('fake.xlsx', 'đây không phải Excel', /Không đọc được tệp Excel|không có trang tính/);
  });
  it('refuses an unsupported file type', async () => {
    await expectRejected('units.pdf', '%PDF-1.4', /Không nhận loại tệp "\.pdf"/);
  });
});
