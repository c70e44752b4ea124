import ExcelJS from 'exceljs';
import type { Aggregation, ValueType } from '../../../shared/domain/forms';
import type { MatrixRow, RoundMatrix } from '../../../shared/domain/matrix';
import { documentText, isItalicRow } from '../../../shared/domain/appendix';

const FONT = { name: 'Times New Roman', size: 12 } as const;
const HEADER_ROW = 4;
const FIRST_VALUE_COL = 4; // A: STT, B: Nội dung, C: ĐVT
const CONTENT_WIDTH = 55;

/** Number formats; Excel shows them with the separators of the PC's region (1.250 and 12,5 in Vietnamese Windows). */
export function numberFormat(type: ValueType | undefined): string {
  return type === 'integer' ? '#,##0' : '#,##0.##';
}

/** The live formula a total is made with, so an Excel user can audit it; none for a rule that has no formula. */
export function totalFormula(rule: Aggregation, range: string): string | null {
  switch (rule) {
    // Nothing reported stays blank, not 0.
    case 'sum':
    case 'last':
      return `IF(COUNT(${range})=0,"",SUM(${range}))`;
    case 'average':
      return `IF(COUNT(${range})=0,"",AVERAGE(${range}))`;
    case 'count-yes':
      return `COUNTIF(${range},1)`;
    case 'none':
      return null;
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, and unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[\\/?*[\]:]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Trang';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function styleSheet(ws: ExcelJS.Worksheet, title: string, subtitle: string, headers: string[], landscape: boolean) {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { ...FONT, bold: true, size: 13 };
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { ...FONT, italic: true };
  const header = ws.getRow(HEADER_ROW);
  header.values = headers;
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 48;
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = CONTENT_WIDTH;
  ws.getColumn(3).width = 13;
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.79, right: 0.39, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&P/&N' };
}

/** STT, content and unit of a form row; "Trong đó" rows italic and headings bold, as forms print them. */
function writeRowStart(ws: ExcelJS.Worksheet, at: number, r: MatrixRow) {
  const row = ws.getRow(at);
  row.getCell(1).value = r.numbering ?? '';
  row.getCell(2).value = r.text;
  row.getCell(3).value = r.unit ?? '';
  const italic = isItalicRow(r);
  row.font = { ...FONT, bold: !r.valueRow && !italic, italic };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  row.getCell(2).alignment = { wrapText: true, vertical: 'middle', indent: Math.min(r.level, 4) };
  row.getCell(3).alignment = { horizontal: 'center', vertical: 'middle' };
  // Excel and LibreOffice do not grow a row for wrapped text they did not lay out: give it its lines.
  const perLine = Math.max(20, Math.floor(CONTENT_WIDTH * 1.15) - Math.min(r.level, 4) * 2);
  row.height = Math.max(1, Math.ceil(r.text.length / perLine)) * 15.5 + 2;
  return row;
}

function borders(ws: ExcelJS.Worksheet, lastRow: number, lastCol: number) {
  for (let r = HEADER_ROW; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
}

export interface RoundWorkbookInput {
  title: string;
  subtitle: string;
  matrix: RoundMatrix;
  valueTypes: Map<number, ValueType>;
}

/**
 * A round's workbook: "Tổng hợp" with a column per unit and the province total as a live formula by
 * each indicator's rule, then one sheet per unit. Figures are numbers with number formats; every
 * text, including names that came from outside, is a plain string cell, never a formula.
 */
export async function writeRoundWorkbook(input: RoundWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thường trực PCMD';
  const taken = new Set<string>();
  const units = input.matrix.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'unit');
  const total = input.matrix.columns.findIndex((c) => c.kind === 'total');

  const summary = wb.addWorksheet(sheetName('Tổng hợp', taken));
  const totalCol = FIRST_VALUE_COL + units.length;
  styleSheet(
    summary,
    input.title,
    input.subtitle,
    [...documentText.tableHeads, ...units.map(({ c }) => c.label), 'Toàn tỉnh'],
    units.length > 3,
  );
  for (let k = 0; k < units.length; k++) summary.getColumn(FIRST_VALUE_COL + k).width = 13;
  summary.getColumn(totalCol).width = 14;
  input.matrix.rows.forEach((r, idx) => {
    const at = HEADER_ROW + 1 + idx;
    const row = writeRowStart(summary, at, r);
    if (!r.valueRow || r.indicatorId === null) return;
    const format = numberFormat(input.valueTypes.get(r.indicatorId));
    units.forEach(({ i }, k) => {
      const v = r.cells[i];
      const cell = row.getCell(FIRST_VALUE_COL + k);
      cell.value = v ?? null;
      cell.numFmt = format;
      cell.alignment = { vertical: 'middle' };
    });
    const first = summary.getColumn(FIRST_VALUE_COL).letter;
    const last = summary.getColumn(totalCol - 1).letter;
    const formula = units.length > 0 ? totalFormula(r.aggregation, `${first}${at}:${last}${at}`) : null;
    const cell = row.getCell(totalCol);
    const result = r.cells[total] ?? null;
    if (formula && typeof result !== 'string') cell.value = { formula, result: result ?? '' };
    cell.numFmt = format;
    cell.alignment = { vertical: 'middle' };
    cell.font = { ...FONT, bold: true };
  });
  borders(summary, HEADER_ROW + input.matrix.rows.length, totalCol);

  for (const { c, i } of units) {
    const ws = wb.addWorksheet(sheetName(c.label, taken));
    styleSheet(
      ws,
      input.title,
      `${c.label}${c.missing ? ' (chưa gửi báo cáo)' : ''}`,
      [...documentText.tableHeads, 'Số lượng'],
      false,
    );
    ws.getColumn(FIRST_VALUE_COL).width = 14;
    input.matrix.rows.forEach((r, idx) => {
      const row = writeRowStart(ws, HEADER_ROW + 1 + idx, r);
      if (!r.valueRow || r.indicatorId === null) return;
      const cell = row.getCell(FIRST_VALUE_COL);
      cell.value = r.cells[i] ?? null;
      cell.numFmt = numberFormat(input.valueTypes.get(r.indicatorId));
    });
    borders(ws, HEADER_ROW + input.matrix.rows.length, FIRST_VALUE_COL);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
