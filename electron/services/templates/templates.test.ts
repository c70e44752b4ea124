import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { getFormVersionRows } from '../../../db/forms/repo';
import { exportRoundTemplates } from './export-templates';
import { readUnitTemplate } from './read-unit-template';
import { openWorkbook } from '../files/read-xlsx-tables';
import { COL, HEADER_ROW, TEMPLATE_SHEET } from './template-layout';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-06-20T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('unit templates', () => {
  it('round-trip: each unit fills its workbook (inserting a row), and reading it back gives exactly its values, unit and round', async () => {
    const { round } = await seedDemoRound(ctx);
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const report = await exportRoundTemplates(ctx, round.id, `${ctx.database.dir}/mau`);
    expect(report.files.map((f) => f.unitCode)).toEqual(['CA', '524', '534']);

    for (const [u, file] of report.files.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file.workbook);
      const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
      const written = new Map<string, number | string>();
      // As a user would: type figures into the value column, row by row.
      ws.eachRow((row, r) => {
        if (r <= HEADER_ROW) return;
        const key = String(row.getCell(COL.key).value ?? '');
        const formRow = rows.find((x) => x.rowKey === key);
        if (!formRow?.valueRow) return;
        const value = formRow.valueType === 'decimal' ? formRow.row * 1.5 + u : formRow.row * 10 + u;
        row.getCell(COL.value).value = value;
        written.set(key, value);
      });
      // …and insert a row of their own in the middle of the table.
      ws.insertRow(HEADER_ROW + 10, ['', '', 'Dòng đơn vị tự thêm', 'Cơ sở', 777, '']);
      await wb.xlsx.writeFile(file.workbook);

      const reading = readUnitTemplate(await openWorkbook('mau.xlsx', fs.readFileSync(file.workbook)))!;
      expect(reading.identity).toMatchObject({
        roundId: round.id,
        formVersionId: round.formVersionId,
        unitCode: file.unitCode,
        unitName: file.unitName,
        periodCode: '2016-2020',
      });
      const readBack = new Map(reading.cells.filter((c) => c.raw !== null).map((c) => [c.rowKey, c.raw]));
      expect(readBack).toEqual(written);
      expect(written.size).toBe(75);
      expect(reading.extraRows).toEqual([{ ref: HEADER_ROW + 10, text: 'Dòng đơn vị tự thêm', raw: 777 }]);
      // the cell address points at the row where the value now is, below the inserted row
      const last = reading.cells.at(-1)!;
      expect(last.cell).toBe(`E${HEADER_ROW + rows.length + 1}`);
    }
  });

  it('locks text, unlocks and validates value cells, sets A4 printing with the header repeated', async () => {
    const { round } = await seedDemoRound(ctx);
    const report = await exportRoundTemplates(ctx, round.id, `${ctx.database.dir}/mau`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report.files[1]!.workbook);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getCell('B1').value).toBe('Đơn vị báo cáo: Huyện Bình Sơn');
    expect(ws.getCell('B3').value).toBe('Giai đoạn 2016-2020 – số liệu tính đến ngày 30/06/2020');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
    expect(ws.getColumn(COL.key).hidden).toBe(true);
    const totalRow = HEADER_ROW + 3; // "- Tổng số cơ sở kinh doanh dịch vụ…" is the form's third row
    expect(ws.getCell(totalRow, COL.text).value).toMatch(/^Tổng số cơ sở kinh doanh/);
    expect(ws.getCell(totalRow, COL.text).protection?.locked).not.toBe(false); // locked is Excel's default
    expect(ws.getCell(totalRow, COL.value).protection).toMatchObject({ locked: false });
    expect(ws.getCell(totalRow, COL.value).dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(ws.getCell(totalRow, COL.text).font).toMatchObject({ name: 'Times New Roman' });
    const heading = HEADER_ROW + 1; // "1. Thực trạng tình hình"
    expect(ws.getCell(heading, COL.value).protection?.locked).not.toBe(false);
    expect(ws.getCell(heading, COL.value).dataValidation).toBeUndefined();
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(wb.getWorksheet('_pcmd')!.state).toBe('veryHidden');
  });

  it('writes a ready-to-send .eml draft per unit with the workbook attached and the unit’s address', async () => {
    const { round } = await seedDemoRound(ctx);
    const report = await exportRoundTemplates(ctx, round.id, `${ctx.database.dir}/mau`);
    const ca = report.files[0]!;
    expect(ca.to).toEqual(['congan@quangngai.gov.vn']);
    const mail = await simpleParser(fs.readFileSync(ca.draft));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to).toMatchObject({ value: [{ name: 'Công an tỉnh', address: 'congan@quangngai.gov.vn' }] });
    expect(mail.subject).toBe('Đề nghị báo cáo: Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020 – Công an tỉnh');
    expect(mail.text).toContain('trước ngày 05/07/2020');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('ca-cong-an-tinh-2016-2020.xlsx');
    expect(mail.attachments[0]!.content.equals(fs.readFileSync(ca.workbook))).toBe(true);
    expect(ca.workbook).toMatch(/\/ca-cong-an-tinh-2016-2020\.xlsx$/);
  });
});
