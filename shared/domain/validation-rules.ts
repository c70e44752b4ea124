import { formatNumber } from '../text/format-vi';

/**
 * The office's own rules over one submission, in the DHIS2 style: a left side, an operator, a right
 * side, each side a sum of indicators (with a factor) plus a constant, and an importance. A rule whose
 * indicators are not all reported is skipped, as DHIS2 does by default: a blank is "not reported".
 */
export const ruleOperators = ['==', '!=', '<', '<=', '>', '>='] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export const ruleOperatorLabels: Record<RuleOperator, string> = {
  '==': 'bằng',
  '!=': 'khác',
  '<': 'nhỏ hơn',
  '<=': 'không lớn hơn',
  '>': 'lớn hơn',
  '>=': 'không nhỏ hơn',
};

export interface RuleTerm {
  indicatorId: number;
  factor: number;
}

export interface RuleSide {
  terms: RuleTerm[];
  constant: number;
}

export interface ValidationRule {
  id: number;
  formId: number;
  name: string;
  left: RuleSide;
  operator: RuleOperator;
  right: RuleSide;
  importance: 'error' | 'warning';
}

/** Values that differ by less than this count as equal: figures in Triệu đồng carry decimals. */
const EPSILON = 1e-9;

export function compare(left: number, operator: RuleOperator, right: number): boolean {
  switch (operator) {
    case '==':
      return Math.abs(left - right) <= EPSILON;
    case '!=':
      return Math.abs(left - right) > EPSILON;
    case '<':
      return left < right - EPSILON;
    case '<=':
      return left <= right + EPSILON;
    case '>':
      return left > right + EPSILON;
    case '>=':
      return left >= right - EPSILON;
  }
}

/** The side's value, or null when one of its indicators is not reported. */
export function evaluateSide(side: RuleSide, values: ReadonlyMap<number, number | null>): number | null {
  let total = side.constant;
  for (const t of side.terms) {
    const v = values.get(t.indicatorId) ?? null;
    if (v === null) return null;
    total += t.factor * v;
  }
  return total;
}

/** "Tổng số cơ sở" or "2 × "A" − "B" + 5", with names shortened, for messages. */
export function describeSide(side: RuleSide, nameOf: (indicatorId: number) => string): string {
  const parts: string[] = [];
  for (const t of side.terms) {
    const name = `"${nameOf(t.indicatorId)}"`;
    const magnitude = Math.abs(t.factor) === 1 ? name : `${formatNumber(Math.abs(t.factor))} × ${name}`;
    parts.push(
      parts.length === 0 ? (t.factor < 0 ? `− ${magnitude}` : magnitude) : `${t.factor < 0 ? '−' : '+'} ${magnitude}`,
    );
  }
  if (side.constant !== 0 || parts.length === 0) {
    const c = formatNumber(Math.abs(side.constant));
    parts.push(parts.length === 0 ? (side.constant < 0 ? `−${c}` : c) : `${side.constant < 0 ? '−' : '+'} ${c}`);
  }
  return parts.join(' ');
}

export interface RuleOutcome {
  rule: ValidationRule;
  left: number;
  right: number;
  message: string;
}

/** The rules broken by a submission's values, each explained in Vietnamese with its figures. */
export function brokenRules(
  rules: readonly ValidationRule[],
  values: ReadonlyMap<number, number | null>,
  nameOf: (indicatorId: number) => string,
): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const rule of rules) {
    const left = evaluateSide(rule.left, values);
    const right = evaluateSide(rule.right, values);
    if (left === null || right === null || compare(left, rule.operator, right)) continue;
    out.push({
      rule,
      left,
      right,
      message: `Quy tắc "${rule.name}": ${describeSide(rule.left, nameOf)} (${formatNumber(left)}) phải ${ruleOperatorLabels[rule.operator]} ${describeSide(rule.right, nameOf)} (${formatNumber(right)}).`,
    });
  }
  return out;
}

/** An indicator a rule can name: a value row of the form's latest version. */
export interface RuleIndicator {
  indicatorId: number;
  row: number;
  numbering: string | null;
  text: string;
  unit: string | null;
}
