import type { ChildRule, ValueType } from './forms';
import { formatNumber } from '../text/format-vi';
import { readCellValue } from './cell-value';
import { brokenRules, type ValidationRule } from './validation-rules';

export interface CheckedRow {
  row: number;
  indicatorId: number;
  text: string;
  unit: string | null;
  parentRow: number | null;
  /** The rule this row's same-unit "Trong đó" items obey. */
  childRule: ChildRule;
}

export const problemRules = ['type', 'range', 'each-le-parent', 'sum-eq-parent', 'user-rule', 'change'] as const;
export type ProblemRule = (typeof problemRules)[number];

/** How much a finding weighs: an error keeps a submission from being approved, a warning does not. */
export const severities = ['error', 'warning'] as const;
export type Severity = (typeof severities)[number];

export interface ValueProblem {
  indicatorId: number | null;
  severity: Severity;
  rule: ProblemRule;
  message: string;
}

const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/**
 * The form's own rules over one submission's figures: each "Trong đó" item at most its row, and,
 * where the form says so, the items adding up to it (checked only when all of them are reported).
 * Blank values are "not reported" and break no rule.
 */
export function checkTreeRules(rows: CheckedRow[], values: ReadonlyMap<number, number | null>): ValueProblem[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const problems: ValueProblem[] = [];
  const children = new Map<number, CheckedRow[]>();
  for (const r of rows) {
    const parent = r.parentRow === null ? undefined : byRow.get(r.parentRow);
    if (parent && parent.unit === r.unit) children.set(parent.row, [...(children.get(parent.row) ?? []), r]);
  }
  for (const [parentRow, kids] of children) {
    const parent = byRow.get(parentRow)!;
    const pv = values.get(parent.indicatorId) ?? null;
    if (pv === null || parent.childRule === 'none') continue;
    for (const k of kids) {
      const kv = values.get(k.indicatorId) ?? null;
      if (kv !== null && kv > pv) {
        problems.push({
          indicatorId: k.indicatorId,
          severity: 'error',
          rule: 'each-le-parent',
          message: `"${short(k.text)}" (${formatNumber(kv)}) lớn hơn dòng tổng "${short(parent.text)}" (${formatNumber(pv)}), trong khi đây là một phần của dòng tổng.`,
        });
      }
    }
    if (parent.childRule === 'sum-eq-parent') {
      const kvs = kids.map((k) => values.get(k.indicatorId) ?? null);
      if (kvs.every((v) => v !== null)) {
        const sum = kvs.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - pv) > 1e-9) {
          problems.push({
            indicatorId: parent.indicatorId,
            severity: 'error',
            rule: 'sum-eq-parent',
            message: `Cộng các dòng "Trong đó" của "${short(parent.text)}" được ${formatNumber(sum)}, khác với dòng tổng (${formatNumber(pv)}).`,
          });
        }
      }
    }
  }
  return problems;
}

export interface CheckedIndicatorRow extends CheckedRow {
  numbering: string | null;
  valueType: ValueType;
  /** The indicator's own bounds, beyond what its type implies. */
  min: number | null;
  max: number | null;
}

export interface StoredValue {
  num: number | null;
  text: string | null;
  /** Where it was read from, for the message ("ô C12"). */
  cell: string | null;
}

export interface SubmissionCheckInput {
  rows: CheckedIndicatorRow[];
  values: ReadonlyMap<number, StoredValue>;
  rules: readonly ValidationRule[];
  /** The same unit's figures in the previous period, by indicator. */
  previous: ReadonlyMap<number, number | null>;
  /** A change beyond this factor (up or down) against the previous period is a warning; 0 turns it off. */
  changeFactor: number;
}

const where = (r: CheckedIndicatorRow, v: StoredValue) =>
  `Dòng ${r.numbering ? `${r.numbering} ` : ''}"${short(r.text)}"${v.cell ? ` (ô ${v.cell})` : ''}`;

/**
 * Every check over one submission's stored figures: each value's type and range, the form's
 * "Trong đó" rules, the office's own rules and the change against the previous period. Errors block
 * approval; warnings ask for a look. Blank values are "not reported" and break no rule.
 */
export function checkSubmissionValues(input: SubmissionCheckInput): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const numbers = new Map<number, number | null>();
  for (const r of input.rows) {
    const v = input.values.get(r.indicatorId);
    numbers.set(r.indicatorId, v?.num ?? null);
    if (!v || (v.num === null && v.text === null)) continue;
    const reading = readCellValue(v.num ?? v.text, r.valueType);
    if (reading.problem) {
      problems.push({
        indicatorId: r.indicatorId,
        severity: 'error',
        rule: 'type',
        message: `${where(r, v)}: ${reading.problem}.`,
      });
      continue;
    }
    if (v.num !== null && r.min !== null && v.num < r.min) {
      problems.push({
        indicatorId: r.indicatorId,
        severity: 'error',
        rule: 'range',
        message: `${where(r, v)}: ${formatNumber(v.num)} nhỏ hơn mức thấp nhất cho phép (${formatNumber(r.min)}).`,
      });
    } else if (v.num !== null && r.max !== null && v.num > r.max) {
      problems.push({
        indicatorId: r.indicatorId,
        severity: 'error',
        rule: 'range',
        message: `${where(r, v)}: ${formatNumber(v.num)} lớn hơn mức cao nhất cho phép (${formatNumber(r.max)}).`,
      });
    }
  }
  problems.push(...checkTreeRules(input.rows, numbers));
  const nameOf = new Map(input.rows.map((r) => [r.indicatorId, short(r.text)]));
  for (const broken of brokenRules(input.rules, numbers, (id) => nameOf.get(id) ?? `chỉ tiêu ${id}`)) {
    problems.push({
      indicatorId: broken.rule.left.terms[0]?.indicatorId ?? broken.rule.right.terms[0]?.indicatorId ?? null,
      severity: broken.rule.importance,
      rule: 'user-rule',
      message: broken.message,
    });
  }
  if (input.changeFactor > 1) {
    for (const r of input.rows) {
      if (r.valueType !== 'integer' && r.valueType !== 'decimal') continue;
      const now = numbers.get(r.indicatorId) ?? null;
      const before = input.previous.get(r.indicatorId) ?? null;
      if (now === null || before === null || before <= 0) continue;
      const ratio = now / before;
      const v = input.values.get(r.indicatorId)!;
      if (ratio > input.changeFactor) {
        problems.push({
          indicatorId: r.indicatorId,
          severity: 'warning',
          rule: 'change',
          message: `${where(r, v)}: tăng ${formatNumber(Math.round(ratio * 10) / 10)} lần so với kỳ trước (${formatNumber(before)} → ${formatNumber(now)}); đề nghị kiểm tra lại.`,
        });
      } else if (ratio < 1 / input.changeFactor) {
        problems.push({
          indicatorId: r.indicatorId,
          severity: 'warning',
          rule: 'change',
          message: `${where(r, v)}: giảm còn ${formatNumber(Math.round(ratio * 1000) / 10)}% so với kỳ trước (${formatNumber(before)} → ${formatNumber(now)}); đề nghị kiểm tra lại.`,
        });
      }
    }
  }
  return problems;
}
