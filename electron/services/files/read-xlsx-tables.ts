import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
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

/** What an .xlsx may inflate to: a real reply is well under a megabyte. */
export const MAX_WORKBOOK_INFLATED_BYTES = 100 * 1024 * 1024;

/**
 * Inflates every part of an .xlsx with JSZip, which checks each part's size and checksum, and hands
 * SheetJS a fresh, uncompressed container of those parts: SheetJS's own zip reader can loop for
 * ever on a damaged part or header (found by fuzzing). Also bounds what the parts inflate to (a zip
 * bomb dressed as a workbook).
 */
async function soundZip(fileName: string, bytes: Uint8Array): Promise<Uint8Array> {
  const broken = () => new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc bị cắt cụt.`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw broken();
  }
  let total = 0;
  const clean = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (total + declared > MAX_WORKBOOK_INFLATED_BYTES) throw new AppError('invalid-input', `Tệp "${fileName}" quá lớn khi giải nén; không đọc.`);
    let inflated: Uint8Array;
    try {
      inflated = await entry.async('uint8array');
    } catch {
      throw broken();
    }
    total += inflated.byteLength;
    if (total > MAX_WORKBOOK_INFLATED_BYTES) throw new AppError('invalid-input', `Tệp "${fileName}" quá lớn khi giải nén; không đọc.`);
    clean.file(entry.name, inflated);
  }
  return clean.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** Opens an .xlsx or .xls workbook (formula cells keep their stored results); a damaged file gets a Vietnamese reason. */
export async function openWorkbook(fileName: string, bytes: Uint8Array): Promise<XLSX.WorkBook> {
  if (!isZip(bytes) && !isOle2(bytes)) {
    throw new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": nội dung tệp không phải bảng tính Excel.`);
  }
  const readable = isZip(bytes) ? await soundZip(fileName, bytes) : bytes;
  try {
    return XLSX.read(readable, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellNF: false, sheetRows: MAX_SHEET_ROWS });
  } catch {
    throw new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc bị cắt cụt.`);
  }
}

/** A cell of a sheet read in dense mode. */
export function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return (sheet['!data'] as XLSX.CellObject[][] | undefined)?.[r]?.[c];
}

/** Every sheet of an .xlsx or .xls workbook as a table of cell text. */
export async function readWorkbookTables(fileName: string, bytes: Uint8Array): Promise<SourceTable[]> {
  return workbookTables(await openWorkbook(fileName, bytes));
}

export function workbookTables(wb: XLSX.WorkBook): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const sheetName of wb.SheetNames) {
    const sheet = wb.Sheets[sheetName];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    // A sheet's declared size is not trusted: a damaged or hostile file can claim a million rows.
    range.e.c = Math.min(range.e.c, range.s.c + MAX_SHEET_COLUMNS - 1);
    range.e.r = Math.min(range.e.r, range.s.r + MAX_SHEET_ROWS - 1);
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
