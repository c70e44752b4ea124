import type { ChangeKind } from './submissions';

/** One change to one figure, as the audit log keeps it. */
export interface HistoryEntry {
  id: number;
  at: string;
  roundId: number;
  roundName: string;
  unitId: number;
  unitName: string;
  indicatorId: number;
  indicatorName: string;
  oldValue: number | string | null;
  newValue: number | string | null;
  how: ChangeKind | 'import';
  by: string;
  reason: string | null;
  /** The file the new figure came from, for an import. */
  fileName: string | null;
}

export interface ValueProvenance {
  roundName: string;
  unitName: string;
  rowText: string;
  numbering: string | null;
  value: number | string | null;
  comment: string | null;
  /** Where the current figure was read, or null when it was typed in or is blank. */
  source: {
    /** The stored original's record, to open a read-only copy of it. */
    fileId: number;
    fileName: string;
    sheet: string | null;
    cell: string | null;
    revision: number | null;
    message: { from: string | null; subject: string | null; sentAt: string | null; importedAt: string } | null;
  } | null;
  history: HistoryEntry[];
}
