import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { fixLegacyTable, type SourceTable } from './source-table';

export const MAX_SHEET_ROWS = 5_000;
export const MAX_SHEET_COLUMNS = 100;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Opens an .xlsx or .xls workbook (formula cells keep their stored results); a damaged file gets a Vietnamese reason. */
export function openWorkbook(fileName: string, bytes: Uint8Array): XLSX.WorkBook {
  if (!isZip(bytes) && !isOle2(bytes)) {
    throw new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": nội dung tệp không phải bảng tính Excel.`);
  }
  try {
    return XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellNF: false, sheetRows: MAX_SHEET_ROWS });
  } catch {
    throw new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc bị cắt cụt.`);
  }
}

/** A cell of a sheet read in dense mode. */
export function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return (sheet['!data'] as XLSX.CellObject[][] | undefined)?.[r]?.[c];
}

/** Every sheet of an .xlsx or .xls workbook as a table of cell text. */
export function readWorkbookTables(fileName: string, bytes: Uint8Array): SourceTable[] {
  return workbookTables(openWorkbook(fileName, bytes));
}

export function workbookTables(wb: XLSX.WorkBook): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const sheetName of wb.SheetNames) {
    const sheet = wb.Sheets[sheetName];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    range.e.c = Math.min(range.e.c, range.s.c + MAX_SHEET_COLUMNS - 1);
    const text = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, blankrows: true, defval: '', range });
    const typed = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, blankrows: true, defval: null, range });
    tables.push(fixLegacyTable({
      name: `trang tính «${sheetName}»`,
      sheet: sheetName,
      firstColumn: range.s.c,
      rows: text.map((cells, i) => ({
        cells: cells.map((c) => cleanText(String(c ?? ''))),
        values: (typed[i] ?? []).map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : cleanText(String(v)) || null)),
        ref: range.s.r + i + 1,
      })),
    }));
  }
  return tables;
}
