import ExcelJS from 'exceljs';
import type { HistoryEntry } from '../../../shared/domain/history';
import { changeHowLabels } from '../../../shared/domain/submissions';
import { formatDateTime } from '../../../shared/text/format-vi';

const columns: { header: string; width: number; value: (e: HistoryEntry) => string | number | null }[] = [
  { header: 'Thời điểm', width: 17, value: (e) => formatDateTime(e.at) },
  { header: 'Đợt báo cáo', width: 28, value: (e) => e.roundName },
  { header: 'Đơn vị', width: 26, value: (e) => e.unitName },
  { header: 'Chỉ tiêu', width: 48, value: (e) => e.indicatorName },
  { header: 'Giá trị cũ', width: 12, value: (e) => e.oldValue },
  { header: 'Giá trị mới', width: 12, value: (e) => e.newValue },
  { header: 'Cách thay đổi', width: 14, value: (e) => changeHowLabels[e.how] },
  { header: 'Tệp nguồn', width: 26, value: (e) => e.fileName },
  { header: 'Lý do', width: 30, value: (e) => e.reason },
];

/**
 * The audit log as an Excel sheet: one row per change, numbers as numbers. Every text is written
 * as a plain string cell, so a name such as "=HYPERLINK(…)" that came in a unit's file shows as
 * text and is never run as a formula.
 */
export async function writeHistoryWorkbook(entries: HistoryEntry[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lịch sử', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 13, name: 'Times New Roman' };
  ws.getRow(3).values = columns.map((c) => c.header);
  ws.getRow(3).font = { bold: true, name: 'Times New Roman' };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const e of entries) {
    const row = ws.addRow(columns.map((c) => c.value(e)));
    for (const i of [5, 6]) row.getCell(i).numFmt = '#,##0.##';
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + entries.length, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
