import type { RawCell } from '../../../shared/domain/cell-value';

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
}
