import type { Comparator, ConditionComparator, TargetKind } from './plans';
import type { ValueType } from './forms';
import { formatNumber } from '../text/format-vi';

/**
 * A target evaluated for one period and one scope. Statuses: met (đạt), not-met (chưa đạt: the
 * period is over and the figures are complete), at-risk (có nguy cơ không đạt: below the threshold
 * while the period is still running, a cumulative target is behind its pace before the deadline,
 * or some units have not reported yet), no-data (thiếu số liệu).
 */
export const targetStatuses = ['met', 'not-met', 'at-risk', 'no-data'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const targetStatusLabels: Record<TargetStatus, string> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'at-risk': 'Có nguy cơ không đạt',
  'no-data': 'Thiếu số liệu',
};

/** One unit's figures behind an evaluation, for the drill-down. */
export interface EvaluationDetail {
  unitId: number;
  unitCode: string;
  unitName: string;
  value: number | null;
  /** The second figure: the denominator of a ratio, or the previous year's figure for growth. */
  second: number | null;
  /** For share-of-units: whether this unit meets the condition. */
  meets: boolean | null;
}

export interface TargetEvaluation {
  targetId: number;
  planId: number;
  code: string;
  text: string;
  kind: TargetKind;
  /** The year evaluated, as a period code ("2024"). */
  period: string;
  /** "province", or the code of the unit evaluated on its own. */
  scope: string;
  scopeName: string;
  actual: number | null;
  /** The threshold for this period: for a cumulative target before its deadline, the milestone. */
  threshold: number;
  thresholdHigh: number | null;
  comparator: Comparator;
  /** "%" for percentages, the indicator's unit of measure for a count, null for yes/no. */
  measure: string | null;
  status: TargetStatus;
  /** The formula with its figures and the verdict, in Vietnamese words. */
  explanation: string;
  /** Column headings of the drill-down's two figures. */
  detailColumns: [string, string | null];
  details: EvaluationDetail[];
}

/** A result as it is shown: "22,5%", "13", "Có"; null when there is none. */
export function formatResult(e: Pick<TargetEvaluation, 'actual' | 'kind' | 'measure'>): string | null {
  if (e.actual === null) return null;
  if (e.kind === 'yes-no') return e.actual === 1 ? 'Có' : 'Không';
  return `${formatNumber(e.actual)}${e.measure === '%' ? '%' : ''}`;
}

/** The status that speaks for several (a target's units, or its entries for a year): the worst of them. */
export function worstStatus(statuses: readonly TargetStatus[]): TargetStatus | null {
  return (['not-met', 'at-risk', 'no-data', 'met'] as const).find((s) => statuses.includes(s)) ?? null;
}

/** Whether a value meets a threshold. "between" (a band such as "tăng 3-5%") is met from its lower bound up. */
export function meetsThreshold(actual: number, comparator: Comparator, threshold: number): boolean {
  const eps = 1e-9;
  switch (comparator) {
    case '>=':
      return actual >= threshold - eps;
    case '<=':
      return actual <= threshold + eps;
    case '=':
      return Math.abs(actual - threshold) <= eps;
    case 'between':
      return actual >= threshold - eps;
  }
}

export function meetsCondition(value: number, comparator: ConditionComparator, bound: number): boolean {
  switch (comparator) {
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '=':
      return value === bound;
    case '<=':
      return value <= bound;
    case '<':
      return value < bound;
  }
}

/**
 * A cumulative target's milestone in a year before its deadline: the share of the way a steady pace
 * would have reached ("100% by 2025" from 2021 → 60% by 2023).
 */
export function cumulativeMilestone(threshold: number, fromYear: number, deadlineYear: number, year: number): number {
  if (year >= deadlineYear) return threshold;
  const span = deadlineYear - fromYear + 1;
  const done = Math.max(0, year - fromYear + 1);
  return Math.round(((threshold * done) / span) * 100) / 100;
}

/** An indicator that can measure a target: a lineage of the same indicator across forms. */
export interface LinkableIndicator {
  id: number;
  name: string;
  measureUnit: string | null;
  valueType: ValueType;
  /** The forms that ask for it. */
  formNames: string[];
  /** The years with figures ("2021"…), from annual rounds. */
  years: number[];
  /** The spans with figures from a final review ("2016-2020"). */
  spans: string[];
}

/** One indicator over the years: the province's figure and each unit's, for trend and ranking charts. */
export interface IndicatorSeries {
  indicatorId: number;
  name: string;
  measureUnit: string | null;
  years: number[];
  province: (number | null)[];
  units: { unitId: number; code: string; name: string; values: (number | null)[] }[];
  /**
   * Final reviews over a span ("2016-2020"), each its own point: the province's figure and each unit's
   * (in the order of `units`), and what re-mapping did when read in the boundaries of a day.
   */
  spans: { code: string; label: string; province: number | null; values: (number | null)[]; note: string | null }[];
  /** When read in the boundaries of a day: that day, and for each year what re-mapping did. */
  boundary: { day: string; provinceName: string | null; notes: string[] } | null;
}

export interface DashboardView {
  asOf: string;
  openRounds: {
    id: number;
    name: string;
    periodLabel: string;
    deadline: string;
    expected: number;
    received: number;
    /** Received reports whose checks found errors. */
    withErrors: number;
  }[];
  /** Each target's newest period (a count of units by status for an each-unit target). */
  targets: (TargetEvaluation & { planTitle: string; unitsByStatus: Record<TargetStatus, number> | null })[];
  indicators: LinkableIndicator[];
}

/**
 * The order of an evaluation's periods, "2019" < "2020" < "2016-2020": by the year they end, a final
 * review over a span after the year it ends with (the review covers that year and those before).
 */
export function periodOrder(period: string): number {
  const span = /^(\d{4})-(\d{4})$/.exec(period);
  return span ? Number(span[2]) * 10 + 1 : Number(period.slice(0, 4)) * 10;
}
