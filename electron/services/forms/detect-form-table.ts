import { AppError } from '../../../shared/errors';
import { foldText } from '../../../shared/text/fold';
import type { SourceTable } from '../files/source-table';
import type { SourceRow } from './build-form-tree';
import type { RawCell } from '../../../shared/domain/cell-value';
import { pickFormTitle } from '../../../shared/domain/forms';

/** Names a cell as the user finds it: "E12" in a sheet, "bảng 2, dòng 5, cột 3" in a Word table. */
export function cellName(table: SourceTable, ref: number, column: number): string {
  if (table.sheet === null) return `${table.name}, dòng ${ref}, cột ${column + 1}`;
  let n = table.firstColumn + column + 1;
  let letters = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${ref}`;
}

export interface DetectedFormTable {
  table: SourceTable;
  headerRef: number;
  columns: { content: string; unit: string | null; value: string | null; numbering: string | null };
  rows: (SourceRow & { ref: number; value: RawCell; valueCell: string | null })[];
  /** The form's name as the file states it above the table, when it does. */
  title: string | null;
}

type Role = 'content' | 'unit' | 'value' | 'numbering';

function roleOfHeader(cell: string): Role | null {
  const h = foldText(cell)
    .replace(/[():.]/g, '')
    .trim();
  if (h === '') return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(h)) return 'numbering';
  if (/^(don vi tinh|dvt|dv tinh|don vi do)$/.test(h)) return 'unit';
  if (/^(noi dung|chi tieu|ten chi tieu|noi dung chi tieu|danh muc|noi dung bao cao|cac chi tieu)/.test(h))
    return 'content';
  if (/^(so luong|ket qua|so lieu|thuc hien|gia tri|tong so|nam \d{4}|ky bao cao|luy ke)/.test(h)) return 'value';
  return null;
}

const endMarkers = /^(luu y|ghi chu|nguoi lap bieu|thu truong|noi nhan)/;

/** "(1) (2) (3)" or "1 2 3" under a header: column numbers, not a form row. */
function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((c) => /^\(?\d{1,2}\)?$|^\([A-Z]\)$|^[A-Z]$/.test(c));
}

/** Every row that reads as a form header: a content column and a unit or value column. */
function findHeaders(table: SourceTable): { index: number; cols: Map<Role, number> }[] {
  const found: { index: number; cols: Map<Role, number> }[] = [];
  table.rows.forEach((row, i) => {
    const cols = new Map<Role, number>();
    row.cells.forEach((c, j) => {
      const role = roleOfHeader(c);
      if (role && !cols.has(role)) cols.set(role, j);
    });
    if (cols.has('content') && (cols.has('unit') || cols.has('value'))) found.push({ index: i, cols });
  });
  return found;
}

/**
 * Finds the form table in a file: the table whose header names a content column and a unit or value
 * column ("Nội dung | Đơn vị tính | Số lượng", in any order and wording), preferring one with a unit
 * column and then the longest. Reads its rows down to the notes and signatures.
 */
export function detectFormTable(fileName: string, tables: SourceTable[]): DetectedFormTable {
  const candidates: DetectedFormTable[] = [];
  for (const table of tables) {
    // One sheet often holds several tables one under another (A. chỉ tiêu, B. kết quả): each header
    // starts a candidate that runs to the next header.
    const headers = findHeaders(table);
    headers.forEach((header, h) => {
      const c = header.cols;
      const headerCells = table.rows[header.index]!.cells;
      const at = (role: Role) => (c.has(role) ? headerCells[c.get(role)!]! : null);
      const rows: DetectedFormTable['rows'] = [];
      for (const r of table.rows.slice(header.index + 1, headers[h + 1]?.index ?? table.rows.length)) {
        const text = (r.cells[c.get('content')!] ?? '').trim();
        if (endMarkers.test(foldText(text))) break;
        if (text === '' || isColumnNumberRow(r.cells)) continue;
        const unit = c.has('unit') ? (r.cells[c.get('unit')!] ?? '').trim() || null : null;
        const stt = c.has('numbering') ? (r.cells[c.get('numbering')!] ?? '').trim() : undefined;
        const vc = c.get('value');
        const value: RawCell = vc === undefined ? null : (r.values?.[vc] ?? ((r.cells[vc] ?? '').trim() || null));
        rows.push({
          text,
          unit,
          ...(stt !== undefined ? { stt } : {}),
          ref: r.ref,
          value,
          valueCell: vc === undefined ? null : cellName(table, r.ref, vc),
        });
      }
      if (rows.length === 0) return;
      // A sheet's title sits in the rows above the header; a Word table's, in the paragraphs before it.
      const above = [
        ...(table.linesAbove ?? []),
        ...table.rows.slice(0, header.index).map((r) => r.cells.filter((x) => x.trim()).join(' ')),
      ];
      candidates.push({
        title: pickFormTitle(above, foldText),
        table,
        headerRef: table.rows[header.index]!.ref,
        columns: { content: at('content')!, unit: at('unit'), value: at('value'), numbering: at('numbering') },
        rows,
      });
    });
  }
  candidates.sort(
    (a, b) => Number(b.columns.unit !== null) - Number(a.columns.unit !== null) || b.rows.length - a.rows.length,
  );
  const best = candidates[0];
  if (!best) {
    throw new AppError(
      'invalid-input',
      `Không tìm thấy bảng biểu mẫu trong tệp "${fileName}": cần một bảng có cột "Nội dung" (hoặc "Chỉ tiêu") và cột "Đơn vị tính" hoặc "Số lượng"/"Kết quả".`,
    );
  }
  return best;
}
