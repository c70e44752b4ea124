import type { ValueType } from './forms';
import { foldText } from '../text/fold';
import { formatNumber, parseViNumber } from '../text/format-vi';

export type RawCell = number | string | boolean | null;

export interface CellReading {
  /** The figure, or null when the unit left it blank (not reported, which is not zero). */
  value: number | null;
  /** Text for a text indicator, or what was written when it could not be read as a figure. */
  text: string | null;
  /** A blocking problem, in Vietnamese, when the cell holds something that is not a valid value. */
  problem: string | null;
}

const notReported = new Set(['', '-', 'x', '...', '…', 'k/c', 'kbc']);

/**
 * Reads one cell as its indicator's type: numbers as numbers, Vietnamese number text ("1.250",
 * "12,5"), blanks and "-"/"x" as not reported, "Có"/"Không" for yes/no. Anything else is kept
 * as text with a problem, never silently turned into a number.
 */
export function readCellValue(raw: RawCell, type: ValueType): CellReading {
  if (raw === null) return { value: null, text: null, problem: null };
  if (type === 'text') {
    const t = String(raw).trim();
    return { value: null, text: t === '' ? null : t, problem: null };
  }
  if (type === 'yes-no') {
    if (typeof raw === 'boolean') return { value: raw ? 1 : 0, text: null, problem: null };
    const f = foldText(String(raw));
    if (notReported.has(f)) return { value: null, text: null, problem: null };
    if (['co', 'c', 'yes', '1', 'x co', 'dat'].includes(f)) return { value: 1, text: null, problem: null };
    if (['khong', 'k', 'no', '0', 'chua'].includes(f)) return { value: 0, text: null, problem: null };
    return { value: null, text: String(raw), problem: `"${String(raw)}" không phải "Có" hoặc "Không"` };
  }
  let n: number | null;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'boolean')
    return { value: null, text: String(raw), problem: 'cần một số, không phải Có/Không' };
  else {
    const t = raw.trim().replace(/%$/, '').trim();
    if (notReported.has(foldText(t))) return { value: null, text: null, problem: null };
    n = parseViNumber(t);
    if (n === null) return { value: null, text: raw.trim(), problem: `"${raw.trim()}" không phải là số` };
  }
  if (!Number.isFinite(n)) return { value: null, text: String(raw), problem: 'không phải là số' };
  if (n < 0) return { value: n, text: null, problem: 'số âm' };
  if (type === 'integer' && !Number.isInteger(n)) return { value: n, text: null, problem: 'cần số nguyên' };
  if (type === 'percent' && n > 100) return { value: n, text: null, problem: 'tỷ lệ lớn hơn 100%' };
  return { value: n, text: null, problem: null };
}

/**
 * A stored figure written the way an office user types it: "1.250", "12,5", "Có"/"Không", blank
 * for not reported. readCellValue reads it back to the same figure.
 */
export function formatFigure(value: number | string | null, type: ValueType): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (type === 'yes-no') return value === 1 ? 'Có' : value === 0 ? 'Không' : formatNumber(value);
  return formatNumber(value);
}
