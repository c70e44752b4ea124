import type { ChildRule } from './forms';
import { formatNumber } from '../text/format-vi';

export interface CheckedRow {
  row: number;
  indicatorId: number;
  text: string;
  unit: string | null;
  parentRow: number | null;
  /** The rule this row's same-unit "Trong đó" items obey. */
  childRule: ChildRule;
}

export interface ValueProblem {
  indicatorId: number | null;
  severity: 'error' | 'warning';
  rule: 'type' | 'each-le-parent' | 'sum-eq-parent' | 'unmatched-row';
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
        const sum = kvs.reduce((a, b) => a! + b!, 0)!;
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
