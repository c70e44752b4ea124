import type { FormRowView } from './forms';

/** The same indicators across rounds (2021 … 2025), with the change from one to the next. */
export interface ComparisonRow extends FormRowView {
  /** The newest form's indicator, which older forms' indicators can be linked to. */
  indicatorId: number | null;
  /** One per round, oldest first; null when not reported or not comparable. */
  values: (number | null)[];
  /** One per round after the first: the change from the round before. */
  changes: { absolute: number | null; percent: number | null }[];
  /** How rows were matched across forms, and what could not be compared. */
  notes: string[];
}

export interface PeriodComparison {
  rounds: { id: number; name: string; periodCode: string; formId: number }[];
  /** The unit compared, or null for the province's totals. */
  unitName: string | null;
  rows: ComparisonRow[];
  /** When compared in the boundaries of a day: that day, and what was re-mapped (null otherwise). */
  boundaryNote: string | null;
}

/** Change from `before` to `after`; the percentage is null when there is nothing to divide by. */
export function changeBetween(
  before: number | null,
  after: number | null,
): { absolute: number | null; percent: number | null } {
  if (before === null || after === null) return { absolute: null, percent: null };
  const absolute = Math.round((after - before) * 1e6) / 1e6;
  return { absolute, percent: before === 0 ? null : Math.round(((after - before) / before) * 1000) / 10 };
}
