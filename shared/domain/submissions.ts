import type { FormRowView, ValueType } from './forms';
import type { SubmissionStatus } from './rounds';

/** One unit's answer in one round, as the submission grid shows and edits it. */
export interface SheetRow extends FormRowView {
  valueType: ValueType;
  indicatorId: number | null;
  /** null when not reported. */
  value: number | string | null;
  /** The same unit's figure in the previous period, when there is one. */
  previous: number | null;
  comment: string | null;
  problems: { severity: 'error' | 'warning'; message: string }[];
  /** Where the current figure came from: a file, typed in, or nothing yet. */
  origin: 'file' | 'manual' | null;
}

export const workflowActions = ['check', 'return', 'approve', 'unlock'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export const workflowActionLabels: Record<WorkflowAction, string> = {
  check: 'Đã kiểm tra',
  return: 'Trả lại đơn vị',
  approve: 'Duyệt và khóa',
  unlock: 'Mở khóa',
};

export interface SubmissionEvent {
  action: WorkflowAction;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
  at: string;
  reason: string | null;
}

export interface SubmissionSheet {
  roundId: number;
  roundName: string;
  periodLabel: string;
  /** The period the "previous" column holds, e.g. "2024"; null when there is none. */
  previousPeriod: string | null;
  unitId: number;
  unitCode: string;
  unitName: string;
  status: SubmissionStatus;
  locked: boolean;
  receivedAt: string | null;
  rows: SheetRow[];
  /** Findings not tied to one row. */
  otherProblems: { severity: 'error' | 'warning'; message: string }[];
  events: SubmissionEvent[];
}

/** A request to a unit to correct its figures, ready to send. */
export interface CorrectionRequest {
  unitName: string;
  to: string[];
  subject: string;
  text: string;
  problems: number;
}

/** How a change to a value was made, as the history records it. */
export const changeKinds = ['typed', 'pasted', 'undo', 'redo'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const changeHowLabels: Record<ChangeKind | 'import', string> = {
  import: 'Nhập từ tệp',
  typed: 'Nhập tay',
  pasted: 'Dán',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
};

/** Which workflow steps a submission in this state allows. */
export function allowedActions(status: SubmissionStatus): WorkflowAction[] {
  switch (status) {
    case 'expected':
      return [];
    case 'received':
    case 'has-errors':
      return ['check', 'return', 'approve'];
    case 'checked':
      return ['return', 'approve'];
    case 'returned':
      return ['check', 'approve'];
    case 'approved':
      return ['unlock'];
  }
}
