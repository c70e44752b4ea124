import type { RawCell } from '../../../shared/domain/cell-value';
import {
  detectLegacyEncoding,
  fixLegacyText,
  hasUnicodeVietnamese,
  type LegacyEncoding,
} from '../../../shared/text/legacy-encodings';

/** A table as found in a file: rectangular rows of cell text, with where each row came from. */
export interface SourceTable {
  /** In words, for the user: "bảng 2", "trang tính «Biểu 1»". */
  name: string;
  /** Sheet name for workbooks, null for Word tables. */
  sheet: string | null;
  rows: {
    cells: string[];
    /** Typed values where the file has them (workbooks: numbers stay numbers, never re-read from formatted text). */
    values?: RawCell[];
    /** 1-based row number in the sheet or table */
    ref: number;
  }[];
  /** 0-based column of the first cell, to name cells as the file does ("E12"). */
  firstColumn: number;
  /** The lines just above the table in a Word file (its title, the appendix caption), when there are any. */
  linesAbove?: string[];
  /** Set when the table's text was typed in TCVN3 or VNI and has been converted to Unicode. */
  legacyEncoding?: LegacyEncoding;
}

export const legacyEncodingNames: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (.VnTime)', vni: 'VNI (VNI-Times)' };

/**
 * Converts a table typed in a legacy encoding to Unicode. The encoding is decided on the table's
 * text as a whole, never cell by cell (a short cell such as "Có" would be ambiguous); cells already
 * in Unicode Vietnamese (a title retyped later in an old template) are left as they are.
 */
export function fixLegacyTable(table: SourceTable): SourceTable {
  const legacyCells = table.rows.flatMap((r) => r.cells.filter((c) => c !== '' && !hasUnicodeVietnamese(c)));
  const encoding = detectLegacyEncoding(legacyCells.join('\n'));
  if (!encoding) return table;
  const fix = (s: string) => (hasUnicodeVietnamese(s) ? s : fixLegacyText(s, encoding));
  return {
    ...table,
    legacyEncoding: encoding,
    ...(table.linesAbove ? { linesAbove: table.linesAbove.map(fix) } : {}),
    rows: table.rows.map((r) => ({
      ...r,
      cells: r.cells.map(fix),
      ...(r.values ? { values: r.values.map((v) => (typeof v === 'string' ? fix(v) : v)) } : {}),
    })),
  };
}
