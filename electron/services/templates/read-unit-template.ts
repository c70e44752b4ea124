import { cellString } from '../../../shared/text/cell-string';
import * as XLSX from '@e965/xlsx';
import type { RawCell } from '../../../shared/domain/cell-value';
import { cleanText } from '../../../shared/text/fold';
import { cellAt } from '../files/read-xlsx-tables';
import {
  COL,
  IDENTITY_MARK,
  IDENTITY_SHEET,
  KEY_HEADER,
  NOTE_HEADER,
  VALUE_HEADER,
  identityKeys,
  type TemplateIdentity,
} from './template-layout';

export interface TemplateCell {
  rowKey: string;
  /** The cell as Excel names it in the unit's copy ("E12"), for provenance. */
  cell: string;
  raw: RawCell;
  note: string | null;
}

export interface TemplateReading {
  identity: TemplateIdentity;
  sheet: string;
  cells: TemplateCell[];
  /** Rows the unit inserted (no key) that hold something. */
  extraRows: { ref: number; text: string; raw: RawCell }[];
}

function rawOf(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell || cell.t === 'z' || cell.t === 'e') return null;
  if (cell.t === 'n') return cell.v as number;
  if (cell.t === 'b') return cell.v as boolean;
  const s = cleanText(String(cell.w ?? cell.v ?? ''));
  return s === '' ? null : s;
}

function readIdentity(wb: XLSX.WorkBook): TemplateIdentity | null {
  const sheet = wb.Sheets[IDENTITY_SHEET];
  if (!sheet) return null;
  const values = new Map<string, unknown>();
  for (let r = 0; r < identityKeys.length + 5; r++) {
    const k = cellAt(sheet, r, 0);
    const v = cellAt(sheet, r, 1);
    if (k?.v !== undefined) values.set(String(k.v), v?.v);
  }
  if (values.get('mark') !== IDENTITY_MARK) return null;
  const roundId = Number(values.get('roundId'));
  const formVersionId = Number(values.get('formVersionId'));
  if (!Number.isInteger(roundId) || !Number.isInteger(formVersionId)) return null;
  return {
    mark: IDENTITY_MARK,
    roundId,
    formVersionId,
    unitCode: cellString(values.get('unitCode')),
    unitName: cellString(values.get('unitName')),
    periodCode: cellString(values.get('periodCode')),
    generatedAt: cellString(values.get('generatedAt')),
    ...(values.get('signature') ? { signature: cellString(values.get('signature')) } : {}),
  };
}

/**
 * Reads a workbook the office generated for a unit, as the unit sent it back: the identification
 * from the hidden sheet, and each keyed row's value wherever the row now is (the unit may have
 * inserted or deleted rows). Returns null for a workbook that is not one of our templates.
 */
export function readUnitTemplate(wb: XLSX.WorkBook): TemplateReading | null {
  const identity = readIdentity(wb);
  if (!identity) return null;
  for (const sheetName of wb.SheetNames) {
    if (sheetName === IDENTITY_SHEET) continue;
    const sheet = wb.Sheets[sheetName];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const at = (r: number, c: number) => cellAt(sheet, r, c);
    // Find the header row and the columns by their titles: the unit may have inserted columns too.
    let headerRow = -1;
    let keyCol = COL.key - 1;
    let valueCol = COL.value - 1;
    let noteCol = COL.note - 1;
    let textCol = COL.text - 1;
    for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + 30) && headerRow < 0; r++) {
      for (let c = range.s.c; c <= Math.min(range.e.c, 30); c++) {
        const v = String(at(r, c)?.v ?? '').trim();
        if (v === KEY_HEADER) {
          headerRow = r;
          keyCol = c;
        }
      }
      if (headerRow >= 0) {
        for (let c = range.s.c; c <= Math.min(range.e.c, 30); c++) {
          const v = String(at(r, c)?.v ?? '').trim();
          if (v === VALUE_HEADER) valueCol = c;
          else if (v === NOTE_HEADER) noteCol = c;
          else if (v === 'Nội dung') textCol = c;
        }
      }
    }
    if (headerRow < 0) continue;
    const cells: TemplateCell[] = [];
    const extraRows: TemplateReading['extraRows'] = [];
    for (let r = headerRow + 1; r <= range.e.r; r++) {
      const key = String(at(r, keyCol)?.v ?? '').trim();
      const raw = rawOf(at(r, valueCol));
      if (/^R\d{3,}$/.test(key)) {
        const note = rawOf(at(r, noteCol));
        cells.push({
          rowKey: key,
          cell: XLSX.utils.encode_cell({ r, c: valueCol }),
          raw,
          note: note === null ? null : String(note),
        });
      } else {
        const text = String(rawOf(at(r, textCol)) ?? '');
        if (raw !== null || text !== '') extraRows.push({ ref: r + 1, text, raw });
      }
    }
    return {
      identity,
      sheet: sheetName,
      cells,
      extraRows: extraRows.filter((e) => !/^(NGƯỜI LẬP BIỂU|THỦ TRƯỞNG)/.test(e.text)),
    };
  }
  return null;
}
