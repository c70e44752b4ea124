import ExcelJS from 'exceljs';

export interface GridExport {
  title: string;
  /** 'Bảng' unless told otherwise. */
  sheetName?: string;
  columns: { header: string; width: number }[];
  /** As the grid shows them: numbers stay numbers, everything else is the text shown. */
  rows: (string | number | null)[][];
}

/**
 * A grid of the app as the user sees it (the columns shown, in their order, the rows after filter
 * and sort) as one sheet: a title, a bold header row repeated when printed, numbers as numbers.
 * Texts are plain string cells, so nothing that came from outside ever runs as a formula.
 */
export async function writeGridWorkbook(grid: GridExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thường trực PCMD';
  const ws = wb.addWorksheet(grid.sheetName ?? 'Bảng', {
    pageSetup: {
      paperSize: 9,
      orientation: grid.columns.length > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.getCell('A1').value = grid.title;
  ws.getCell('A1').font = { name: 'Times New Roman', size: 13, bold: true };
  const header = ws.getRow(3);
  header.values = grid.columns.map((c) => c.header);
  header.font = { name: 'Times New Roman', size: 12, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  grid.columns.forEach((c, i) => {
    // Grid pixels to Excel character widths, within reason.
    ws.getColumn(i + 1).width = Math.max(6, Math.min(80, Math.round(c.width / 7)));
  });
  for (const r of grid.rows) {
    const row = ws.addRow(r.map((v) => (v === '' ? null : v)));
    row.font = { name: 'Times New Roman', size: 12 };
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.##';
      else cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + grid.rows.length, column: grid.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
