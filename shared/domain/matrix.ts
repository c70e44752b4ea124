import type { Aggregation, FormRowView } from './forms';

/** A round's figures: indicators down, expected units across, with subtotals and the province total. */
export interface MatrixColumn {
  key: string;
  kind: 'unit' | 'subtotal' | 'total';
  label: string;
  unitId: number | null;
  /** The unit has not answered yet (a unit column only). */
  missing: boolean;
}

export interface MatrixRow extends FormRowView {
  indicatorId: number | null;
  aggregation: Aggregation;
  /** One per column, in the columns' order. */
  cells: (number | string | null)[];
  /** Per column: 'error' or 'warning' when a check fails there, 'missing' for a blank of a unit that answered. */
  flags: (('error' | 'warning' | 'missing') | null)[];
  /** Why the total is blank although units reported. */
  totalNote: string | null;
}

export interface RoundMatrix {
  roundId: number;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Read in the boundaries of a day: the units are that day's, and this says what was re-mapped (null otherwise). */
  boundaryNote: string | null;
}
