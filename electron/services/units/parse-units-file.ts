import { cellString } from '../../../shared/text/cell-string';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { soundZip } from '../files/read-xlsx-tables';
import { isOle2, isZip } from '../files/file-signatures';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { cleanText, foldText } from '../../../shared/text/fold';
import { parseUnitKind, type UnitKind } from '../../../shared/domain/units';
import { decodeTextFile } from '../files/decode-text';

/** One unit as a file states it, with the line it came from. */
export interface UnitFileRow {
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  emails: string[];
}

export const MAX_UNIT_ROWS = 20_000;

type Column = 'code' | 'name' | 'kind' | 'parentCode' | 'emails';

/** Header words offices use, folded; the English names are the documented ones. */
const headerAliases: Record<string, Column> = {
  code: 'code',
  ma: 'code',
  'ma don vi': 'code',
  'ma dvhc': 'code',
  'ma so': 'code',
  name: 'name',
  ten: 'name',
  'ten don vi': 'name',
  'don vi': 'name',
  kind: 'kind',
  loai: 'kind',
  'loai don vi': 'kind',
  cap: 'kind',
  parent_code: 'parentCode',
  parentcode: 'parentCode',
  'ma cap tren': 'parentCode',
  'ma don vi cap tren': 'parentCode',
  'ma cha': 'parentCode',
  'don vi cap tren': 'parentCode',
  emails: 'emails',
  email: 'emails',
  'e-mail': 'emails',
  'thu dien tu': 'emails',
  'dia chi email': 'emails',
};

const emailSchema = z.email();

const csvErrorText: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'dấu ngoặc kép (") mở nhưng không đóng',
  CSV_INVALID_CLOSING_QUOTE: 'dấu ngoặc kép (") đặt sai chỗ',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'số cột khác với dòng tiêu đề',
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: 'số cột khác với dòng tiêu đề',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự thừa sau dấu ngoặc kép đóng',
};

export function unitsFileError(fileName: string, details: ErrorDetail[]): AppError {
  const n = details.length;
  return new AppError(
    'invalid-input',
    `Tệp "${fileName}" có ${n} lỗi nên chưa nhập đơn vị nào. ${details
      .slice(0, 3)
      .map((d) => (d.where ? `${capitalize(d.where)}: ${d.message}` : d.message))
      .join('; ')}${n > 3 ? '; …' : ''}.`,
    details,
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Rows of cells with their line numbers, from CSV text. */
function readCsvRows(fileName: string, bytes: Uint8Array): { line: number; cells: string[] }[] {
  const text = decodeTextFile(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  try {
    const records = parseCsv(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      const what = csvErrorText[e.code] ?? 'dòng không đúng định dạng CSV';
      throw unitsFileError(fileName, [{ where: line ? `dòng ${line}` : undefined, message: what }]);
    }
    throw e;
  }
}

/** Rows of cells from the first sheet of an .xlsx or .xls workbook, numbered as Excel numbers them. */
function looksLikeWorkbook(ext: string, bytes: Uint8Array): boolean {
  const zip = isZip(bytes);
  const ole2 = isOle2(bytes);
  // Some systems save HTML or SpreadsheetML under an .xls name, and Excel opens those.
  const markup = /^\s*</.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''));
  return ext === 'xlsx' ? zip : ole2 || zip || markup;
}

export async function readSheetRows(
  fileName: string,
  ext: string,
  bytes: Uint8Array,
): Promise<{ line: number; cells: string[] }[]> {
  if (!looksLikeWorkbook(ext, bytes)) {
    throw new AppError(
      'unsupported-file',
      `Không đọc được tệp Excel "${fileName}": nội dung tệp không phải bảng tính Excel.`,
    );
  }
  // A zip workbook is inflated within bounds first (a lying header cannot make it balloon), as replies are.
  const readable = isZip(bytes) ? await soundZip(fileName, bytes) : bytes;
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(readable, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      sheetRows: MAX_UNIT_ROWS + 2,
    });
  } catch {
    throw new AppError(
      'unsupported-file',
      `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc không phải tệp Excel.`,
    );
  }
  const sheetName = wb.SheetNames[0];
  const sheet = sheetName ? wb.Sheets[sheetName] : undefined;
  if (!sheet || !sheet['!ref'])
    throw new AppError('invalid-input', `Tệp "${fileName}" không có trang tính nào có dữ liệu.`);
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const matrix = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, blankrows: true, defval: '' });
  return matrix
    .map((cells, i) => ({
      line: range.s.r + i + 1,
      cells: cells.map((c) => cellString(c)),
    }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/**
 * Reads a unit list (.csv, .xlsx or .xls) with the columns code, name, kind, parent_code, emails
 * (Vietnamese header words are accepted too). Every problem is collected with its line; when there
 * is any, nothing is returned and the error lists them all.
 */
export async function parseUnitsFile(fileName: string, bytes: Uint8Array): Promise<UnitFileRow[]> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let rows: { line: number; cells: string[] }[];
  if (ext === 'csv' || ext === 'txt') rows = readCsvRows(fileName, bytes);
  else if (ext === 'xlsx' || ext === 'xls') rows = await readSheetRows(fileName, ext, bytes);
  else
    throw new AppError(
      'unsupported-file',
      `Không nhận loại tệp ".${ext}" cho danh sách đơn vị; hãy dùng tệp .csv, .xlsx hoặc .xls.`,
    );

  const [header, ...body] = rows;
  if (!header) throw new AppError('invalid-input', `Tệp "${fileName}" trống.`);
  if (body.length > MAX_UNIT_ROWS) {
    throw new AppError(
      'invalid-input',
      `Tệp "${fileName}" có ${body.length} dòng, quá giới hạn ${MAX_UNIT_ROWS} đơn vị.`,
    );
  }
  const columnIndex = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const col = headerAliases[foldText(cell).replace(/^\*|\*$/g, '')];
    if (col && !columnIndex.has(col)) columnIndex.set(col, i);
  });
  const missing = (['code', 'name', 'kind'] as Column[]).filter((c) => !columnIndex.has(c));
  if (missing.length > 0) {
    const names: Record<Column, string> = {
      code: 'code (mã)',
      name: 'name (tên)',
      kind: 'kind (loại)',
      parentCode: 'parent_code',
      emails: 'emails',
    };
    throw unitsFileError(fileName, [
      { where: `dòng ${header.line}`, message: `dòng tiêu đề thiếu cột ${missing.map((c) => names[c]).join(', ')}` },
    ]);
  }

  const cell = (r: { cells: string[] }, c: Column) => {
    const i = columnIndex.get(c);
    return i === undefined ? '' : cleanText(r.cells[i] ?? '');
  };
  const details: ErrorDetail[] = [];
  const out: UnitFileRow[] = [];
  const lineOfCode = new Map<string, number>();
  for (const r of body) {
    const where = `dòng ${r.line}`;
    const code = cell(r, 'code');
    const name = cell(r, 'name');
    const kindText = cell(r, 'kind');
    const parentCode = cell(r, 'parentCode') || null;
    const emailText = cell(r, 'emails');
    const problems: string[] = [];
    if (!code) problems.push('thiếu mã đơn vị');
    else if (code.length > 40) problems.push(`mã "${code.slice(0, 20)}…" dài quá 40 ký tự`);
    else if (lineOfCode.has(code)) problems.push(`mã "${code}" trùng với dòng ${lineOfCode.get(code)}`);
    if (!name) problems.push('thiếu tên đơn vị');
    else if (name.length > 300) problems.push('tên đơn vị dài quá 300 ký tự');
    const kind = kindText ? parseUnitKind(foldText(kindText)) : null;
    if (!kindText) problems.push('thiếu loại đơn vị');
    else if (!kind)
      problems.push(`loại đơn vị "${kindText}" không hợp lệ (dùng: tỉnh, huyện, xã, sở/ngành, thường trực)`);
    if (parentCode && parentCode === code) problems.push('đơn vị không thể là cấp trên của chính nó');
    const emails = emailText
      .split(/[;,\s]+/)
      .filter(Boolean)
      .map((e) => e.toLowerCase());
    for (const e of emails) if (!emailSchema.safeParse(e).success) problems.push(`địa chỉ thư "${e}" không hợp lệ`);
    if (code && !lineOfCode.has(code)) lineOfCode.set(code, r.line);
    if (problems.length > 0 || !kind) {
      for (const message of problems) details.push({ where, message });
      continue;
    }
    out.push({ line: r.line, code, name, kind, parentCode, emails: [...new Set(emails)] });
  }
  if (details.length > 0) throw unitsFileError(fileName, details);
  if (out.length === 0)
    throw new AppError('invalid-input', `Tệp "${fileName}" không có dòng đơn vị nào dưới dòng tiêu đề.`);
  return out;
}
