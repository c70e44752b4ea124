/** Reporting rounds (đợt báo cáo) and the state of each unit's answer. */
export const submissionStatuses = ['expected', 'received', 'has-errors', 'checked', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export type RoundStatus = 'open' | 'closed';
/** Where a revision of a submission's figures came from: a received file, or typing in the app. */
export type RevisionSource = 'import' | 'manual';

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  expected: 'Chưa nhận',
  received: 'Đã nhận',
  'has-errors': 'Có lỗi',
  checked: 'Đã kiểm tra',
  returned: 'Trả lại đơn vị',
  approved: 'Đã duyệt',
};

export interface RoundSummary {
  id: number;
  name: string;
  formId: number;
  formName: string;
  formVersionId: number;
  formVersion: number;
  periodCode: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  cutoffDate: string;
  deadline: string;
  status: RoundStatus;
  expectedUnits: number;
  receivedUnits: number;
  /** Of those received, the reports whose checks found errors. */
  unitsWithErrors: number;
}

/** One figure of a round, keys as other tools rely on them. */
export interface RoundValue {
  unitCode: string;
  unitName: string;
  /** The form row's 1-based position. */
  row: number;
  text: string;
  /** null when the unit has not reported it. */
  value: number | string | null;
  /** What the checks say of it, in Vietnamese. */
  flags: string[];
}

/** A round's figures frozen as they were sent upward. */
export interface RoundSnapshot {
  id: number;
  roundId: number;
  takenAt: string;
  note: string;
  /** The province's figure of each indicator as it was sent. */
  totals: { indicatorId: number; value: number | null; reported: number }[];
}

export interface SubmissionEntry {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitEmails: string[];
  status: SubmissionStatus;
  receivedAt: string | null;
  late: boolean;
  /** Days past the deadline: for a received answer when it came, for a missing one as of today; 0 when on time. */
  daysLate: number;
  revisions: number;
  /** When the latest copy came, when there were several: a correction, shown as one (lateness counts from the first). */
  correctedAt: string | null;
}

/** Whole days from one ISO date (or timestamp) to another; negative when `to` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.UTC(Number(fromIso.slice(0, 4)), Number(fromIso.slice(5, 7)) - 1, Number(fromIso.slice(8, 10)));
  const b = Date.UTC(Number(toIso.slice(0, 4)), Number(toIso.slice(5, 7)) - 1, Number(toIso.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** How late an answer is against the deadline: when it came, or as of today while it has not. */
export function daysLate(deadline: string, receivedAt: string | null, today: string): number {
  return Math.max(0, daysBetween(deadline, receivedAt ?? today));
}
