import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeGridWorkbook } from './write-grid-workbook';

describe('a grid as shown, as a workbook', () => {
  it('keeps numbers as numbers with Vietnamese-style formats and every text a string, even one that looks like a formula', async () => {
    const bytes = await writeGridWorkbook({
      title: 'Tình hình nhận báo cáo',
      columns: [
        { header: 'Đơn vị', width: 220 },
        { header: 'Số lần gửi', width: 110 },
        { header: 'Số tiền', width: 110 },
      ],
      rows: [
        ['=HYPERLINK("http://x","bấm")', 2, 12.5],
        ['Huyện Bình Sơn', null, 1250],
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Bảng')!;
    expect(ws.getRow(3).values).toEqual([undefined, 'Đơn vị', 'Số lần gửi', 'Số tiền']);
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect([ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('C5').value, ws.getCell('B5').value]).toEqual([
      2,
      12.5,
      1250,
      null,
    ]);
    expect([ws.getCell('C4').numFmt, ws.getCell('C5').numFmt]).toEqual(['#,##0.##', '#,##0']);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '3:3', fitToWidth: 1 });
  });
});
