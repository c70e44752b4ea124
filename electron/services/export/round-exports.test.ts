import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFormVersionRows } from '../../../db/forms/repo';
import { convertToPdf, pdfInfo, pdfPageText, pdfPageToPng } from '../../../tests/support/libreoffice';
import { screenshotDir } from '../../../tests/e2e/harness';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { saveValues } from '../submissions/save-values';
import { rollupRound } from '../rounds/rollup';
import { createRound } from '../rounds/create-round';
import { exportRound, exportRoundTo } from './export-round';
import { adxPeriod, csvField } from './interchange';
import { sheetName } from './write-round-workbook';

let ctx: TestContext;
let roundId: number;
let ind: (start: string) => number;
let unit: (code: string) => number;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
  const { round } = await seedDemoRound(ctx);
  roundId = round.id;
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  ind = (start) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
  const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
  unit = (code) => units.find((u) => u.code === code)!.id;
  // A unit whose name came from outside and looks like a formula.
  await ctx.db
    .updateTable('org_unit')
    .set({ name: '=HYPERLINK("http://x","Công an")' })
    .where('code', '=', 'CA')
    .execute();
  await saveValues(ctx, {
    roundId,
    unitId: unit('524'),
    how: 'typed',
    changes: [
      { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: '1.250' },
      { indicatorId: ind('Số tiền phạt'), value: '12,5' },
    ],
  });
  await saveValues(ctx, {
    roundId,
    unitId: unit('534'),
    how: 'typed',
    changes: [
      { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 375 },
      { indicatorId: ind('Số tiền phạt'), value: '7,25' },
    ],
  });
  await saveValues(ctx, {
    roundId,
    unitId: unit('CA'),
    how: 'typed',
    changes: [{ indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 5 }],
  });
});
afterEach(async () => {
  await ctx.dispose();
});

describe('the Excel workbook of a round', () => {
  it('has units as columns with the total as a live formula, a sheet per unit, Vietnamese number formats, and no text that runs as a formula', async () => {
    const { bytes, fileName } = await exportRound(ctx, { roundId, format: 'xlsx' });
    expect(fileName).toMatch(/^so-lieu-tong-ket-phong-chong-mai-dam.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      '=HYPERLINK("http   x","Công an"',
      'Huyện Bình Sơn',
      'Thị xã Đức Phổ',
    ]);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Nội dung',
      'Đơn vị tính',
      '=HYPERLINK("http://x","Công an")',
      'Huyện Bình Sơn',
      'Thị xã Đức Phổ',
      'Toàn tỉnh',
    ]);
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.String);
    let at = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(2).value).startsWith('Tổng số cơ sở kinh doanh')) at = n;
    });
    expect([ws.getCell(`D${at}`).value, ws.getCell(`E${at}`).value, ws.getCell(`F${at}`).value]).toEqual([
      5, 1250, 375,
    ]);
    expect(ws.getCell(`G${at}`).value).toMatchObject({
      formula: `IF(COUNT(D${at}:F${at})=0,"",SUM(D${at}:F${at}))`,
      result: 1630,
    });
    expect(ws.getCell(`E${at}`).numFmt).toBe('#,##0');
    let fine = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === 'Số tiền phạt') fine = n;
    });
    expect(ws.getCell(`G${fine}`).numFmt).toBe('#,##0.##');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '4:4' });
    let formulas = 0;
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
    expect(formulas).toBe(
      (await rollupRound(ctx.db, roundId)).size > 0 ? ws.rowCount - 4 - (await countHeadings()) : 0,
    );
  });

  it('prints through LibreOffice with the totals of the database, the header repeated', async () => {
    const dir = path.join(ctx.database.dir, 'xlsx');
    fs.mkdirSync(dir);
    const file = await exportRoundTo(ctx, { roundId, format: 'xlsx' }, dir);
    const pdf = await convertToPdf(file, dir);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    await pdfPageToPng(pdf, 1, path.join(screenshotDir, 'xlsx-round-p1.png'));
    await pdfPageToPng(pdf, 2, path.join(screenshotDir, 'xlsx-round-p2.png'));
    const first = await pdfPageText(pdf, 1);
    const lines = first.split('\n');
    const i = lines.findIndex((l) => l.includes('Tổng số cơ sở kinh doanh'));
    expect(lines.slice(Math.max(0, i - 2), i + 3).join('\n')).toMatch(/1[.,]630/);
    expect((await pdfPageText(pdf, 2)).split('\n').slice(0, 8).join('\n')).toContain('Nội dung');
    await pdfPageToPng(pdf, 1, path.join(screenshotDir, 'xlsx-round-p1.png'));
  });
});

async function countHeadings(): Promise<number> {
  const round = await ctx.db
    .selectFrom('report_round')
    .select('form_version_id')
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  return (await getFormVersionRows(ctx.db, round.form_version_id)).filter((r) => !r.valueRow).length;
}

describe('interchange', () => {
  it('CSV: data element, period, org unit, value for every reported figure; BOM for Excel', async () => {
    const { bytes } = await exportRound(ctx, { roundId, format: 'csv' });
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFdataelement,period,orgunit,value\r\n')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(5);
    const fineCode = (
      await ctx.db
        .selectFrom('indicator')
        .select('code')
        .where('id', '=', ind('Số tiền phạt'))
        .executeTakeFirstOrThrow()
    ).code;
    expect(lines).toContain(`${fineCode},2016-2020,524,12.5`);
    expect(lines.every((l) => l.split(',')[1] === '2016-2020')).toBe(true);
  });

  it('CSV fields that a spreadsheet would run as formulas are defused; numbers are left alone', () => {
    expect(csvField('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-5')).toBe('-5');
    expect(csvField('Xã Bình Thạnh')).toBe('Xã Bình Thạnh');
  });

  it('ADX: one group per unit with the ISO period, numbers in value', async () => {
    const { bytes } = await exportRound(ctx, { roundId, format: 'adx' });
    const xml = bytes.toString('utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<adx xmlns="urn:ihe:qrph:adx:2015"/);
    expect(xml.match(/<group /g)).toHaveLength(3);
    expect(xml).toContain('<group orgUnit="524" period="2016-01-01/P5Y"');
    expect(xml).toMatch(/<dataValue dataElement="[^"]+" value="1250"\/>/);
    expect(adxPeriod('2025')).toBe('2025-01-01/P1Y');
    expect(adxPeriod('2025-H2')).toBe('2025-07-01/P6M');
    expect(adxPeriod('2025-Q3')).toBe('2025-07-01/P3M');
    expect(adxPeriod('2025-07')).toBe('2025-07-01/P1M');
  });

  it('sheet names are what Excel accepts: short, no reserved characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Tổng hợp', taken)).toBe('Tổng hợp');
    expect(sheetName('tổng hợp', taken)).toBe('tổng hợp 2');
    expect(sheetName('a/b:c?d*e[f]g', taken)).toBe('a b c d e f g');
    expect(sheetName('Ủy ban nhân dân xã Bình Thạnh huyện Bình Sơn', taken)).toHaveLength(31);
  });

  it('an empty round exports without figures rather than failing', async () => {
    const empty = await createRound(ctx, {
      formId: (await ctx.db.selectFrom('form').select('id').executeTakeFirstOrThrow()).id,
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
      units: ['524'],
    });
    expect(
      (await exportRound(ctx, { roundId: empty.id, format: 'csv' })).bytes.toString('utf8').trim().split('\r\n'),
    ).toHaveLength(1);
    expect((await exportRound(ctx, { roundId: empty.id, format: 'xlsx' })).bytes.length).toBeGreaterThan(1000);
  });
});
