import type { UnitKind } from './units';
import { formatNumber } from '../text/format-vi';

/** Programmes, plans, targets and tasks as the API hands them out. */
export const planTypes = ['five-year', 'annual', 'final-review', 'other'] as const;
export type PlanType = (typeof planTypes)[number];

export const planTypeLabels: Record<PlanType, string> = {
  'five-year': 'Kế hoạch giai đoạn',
  annual: 'Kế hoạch năm',
  'final-review': 'Kế hoạch tổng kết',
  other: 'Văn bản khác',
};

export const comparators = ['>=', '<=', '=', 'between'] as const;
export type Comparator = (typeof comparators)[number];

/** How a unit's own figure is compared in a share-of-units target ("communes with at least one session"). */
export const conditionComparators = ['>', '>=', '=', '<=', '<'] as const;
export type ConditionComparator = (typeof conditionComparators)[number];

export const targetKinds = ['share-of-units', 'ratio', 'cumulative', 'growth', 'count', 'yes-no'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const targetKindLabels: Record<TargetKind, string> = {
  'share-of-units': 'Tỷ lệ đơn vị đạt điều kiện',
  ratio: 'Tỷ lệ giữa hai chỉ tiêu',
  cumulative: 'Lũy kế đến hạn',
  growth: 'Tăng so với kỳ trước',
  count: 'Số lượng',
  'yes-no': 'Có/Không',
};

export const taskStatuses = ['not-started', 'in-progress', 'done', 'overdue'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  'not-started': 'Chưa thực hiện',
  'in-progress': 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
};

export interface ProgrammeSummary {
  id: number;
  name: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  periodStart: number;
  periodEnd: number;
}

export const targetScopes = ['province', 'each-unit'] as const;
export type TargetScope = (typeof targetScopes)[number];

export interface TargetSummary {
  id: number;
  code: string;
  text: string;
  kind: TargetKind;
  comparator: Comparator;
  threshold: number;
  thresholdHigh: number | null;
  scope: TargetScope;
  /** The indicator measured (the numerator of a ratio); null until the office links one. */
  indicatorId: number | null;
  indicatorName: string | null;
  denominatorIndicatorId: number | null;
  denominatorIndicatorName: string | null;
  /** A register's code, when the denominator comes from the office's own register. */
  denominatorRegister: string | null;
  /** The kind of unit a share-of-units target counts, or an each-unit target evaluates. */
  unitKind: UnitKind | null;
  conditionComparator: ConditionComparator | null;
  conditionValue: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  deadlineYear: number | null;
  sourceText: string | null;
}

/** A target with its plan's years, as the evaluation reads it. */
export interface TargetDefinition extends TargetSummary {
  planId: number;
  planStart: number;
  planEnd: number;
}

export interface TaskSummary {
  id: number;
  content: string;
  leadUnitId: number | null;
  leadUnitName: string | null;
  /** The lead agency as the plan writes it; kept when no unit matched it. */
  leadText: string | null;
  coordinatingUnitNames: string[];
  deadline: string | null;
  status: TaskStatus;
  /** Past its deadline and not done, on the day the list was made. */
  overdue: boolean;
  notes: { notedAt: string; text: string }[];
}

export interface PlanDetail {
  id: number;
  programmeId: number | null;
  docNumber: string | null;
  docDate: string | null;
  issuer: string;
  signer: string | null;
  type: PlanType;
  title: string;
  periodStart: number;
  periodEnd: number;
  legalBasis: string | null;
  programmeName: string | null;
  targets: TargetSummary[];
  tasks: TaskSummary[];
}

/**
 * A target's level as a table shows it: "ít nhất 20%" with words, "≥ 20%" with signs, "3–5%" for a
 * band, "Có" for yes/no. A count has no "%" unless its indicator is measured in percent.
 */
export function formatThreshold(
  t: Pick<TargetSummary, 'kind' | 'comparator' | 'threshold' | 'thresholdHigh'>,
  comparatorWords: Record<Exclude<Comparator, 'between'>, string>,
  measure: string | null = null,
): string {
  if (t.kind === 'yes-no') return t.threshold === 1 ? 'Có' : 'Không';
  const unit = t.kind === 'count' && measure !== '%' ? '' : '%';
  if (t.comparator === 'between') return `${formatNumber(t.threshold)}–${formatNumber(t.thresholdHigh)}${unit}`;
  return `${comparatorWords[t.comparator]} ${formatNumber(t.threshold)}${unit}`;
}
