import { cellString } from '../../../shared/text/cell-string';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import JSZip from 'jszip';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { fixLegacyTable, type SourceTable } from './source-table';
import { inflatePart, openZip, zipFiles, ZipPartTooLarge } from './bounded-zip';
import { isOldBiff, isOle2, isZip } from './file-signatures';

// Excel 5/95 and older keep text as 8-bit bytes in the workbook's code page (1252 for text typed in
// TCVN3 or VNI fonts, 1258 for Vietnamese Windows): without SheetJS's code-page tables it is misread.
XLSX.set_cptable(cptable);

export const MAX_SHEET_ROWS = 5_000;
export const MAX_SHEET_COLUMNS = 100;

/** What an .xlsx may inflate to, in all and per part: a real reply is well under a megabyte. */
export const MAX_WORKBOOK_INFLATED_BYTES = 50 * 1024 * 1024;
export const MAX_WORKBOOK_PART_BYTES = 25 * 1024 * 1024;

/**
 * Inflates every part of an .xlsx within bounds (each part and all of them, counted in bytes
 * produced), checks each part's checksum after its bound, and hands SheetJS a fresh, uncompressed
 * container of those parts: SheetJS's own zip reader can loop for ever on a damaged part or header
 * (found by fuzzing), and a zip bomb dressed as a workbook is stopped while it inflates.
 */
export async function soundZip(fileName: string, bytes: Uint8Array): Promise<Uint8Array> {
  const broken = () =>
    new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc bị cắt cụt.`);
  const tooLarge = () =>
    new AppError(
      'invalid-input',
      `Tệp "${fileName}" quá lớn khi giải nén (giới hạn ${MAX_WORKBOOK_PART_BYTES / 1024 / 1024} MB mỗi phần, ${MAX_WORKBOOK_INFLATED_BYTES / 1024 / 1024} MB tất cả); không đọc.`,
    );
  let entries;
  try {
    entries = zipFiles(await openZip(bytes));
  } catch {
    throw broken();
  }
  let total = 0;
  const clean = new JSZip();
  for (const entry of entries) {
    let inflated: Uint8Array;
    try {
      inflated = await inflatePart(entry, Math.min(MAX_WORKBOOK_PART_BYTES, MAX_WORKBOOK_INFLATED_BYTES - total));
    } catch (e) {
      throw e instanceof ZipPartTooLarge ? tooLarge() : broken();
    }
    total += inflated.byteLength;
    clean.file(entry.name, inflated);
  }
  return clean.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** Opens an .xlsx or .xls workbook (formula cells keep their stored results); a damaged file gets a Vietnamese reason. */
export async function openWorkbook(fileName: string, bytes: Uint8Array): Promise<XLSX.WorkBook> {
  if (!isZip(bytes) && !isOle2(bytes) && !isOldBiff(bytes)) {
    throw new AppError(
      'unsupported-file',
      `Không đọc được tệp Excel "${fileName}": nội dung tệp không phải bảng tính Excel.`,
    );
  }
  const readable = isZip(bytes) ? await soundZip(fileName, bytes) : bytes;
  try {
    return XLSX.read(readable, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      sheetRows: MAX_SHEET_ROWS,
    });
  } catch {
    throw new AppError('unsupported-file', `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc bị cắt cụt.`);
  }
}

/** A cell of a sheet read in dense mode. */
export function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return sheet['!data']?.[r]?.[c];
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
    const text = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      raw: false,
      blankrows: true,
      defval: '',
      range,
    });
    const typed = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      raw: true,
      blankrows: true,
      defval: null,
      range,
    });
    tables.push(
      fixLegacyTable({
        name: `trang tính «${sheetName}»`,
        sheet: sheetName,
        firstColumn: range.s.c,
        rows: text.map((cells, i) => ({
          cells: cells.map((c) => cleanText(cellString(c))),
          values: (typed[i] ?? []).map((v) =>
            typeof v === 'number' || typeof v === 'boolean'
              ? v
              : v === null || v === undefined
                ? null
                : cleanText(cellString(v)) || null,
          ),
          ref: range.s.r + i + 1,
        })),
      }),
    );
  }
  return tables;
}
