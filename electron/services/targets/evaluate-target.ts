import { aggregateValues, mixedUnitsRefusal } from '../../../shared/domain/aggregate';
import type { TargetDefinition } from '../../../shared/domain/plans';
import {
  cumulativeMilestone,
  meetsCondition,
  meetsThreshold,
  targetStatusLabels,
  type EvaluationDetail,
  type TargetEvaluation,
  type TargetStatus,
} from '../../../shared/domain/targets';
import { unitKindLabels, type UnitKind } from '../../../shared/domain/units';
import { formatNumber } from '../../../shared/text/format-vi';
import type { SpanInfo, TargetFigures, UnitInfo, YearFigures } from './target-figures';

interface Figure {
  value: number | null;
  /** Why there is no figure, in Vietnamese, when there is none. */
  missing: string | null;
  /** Units asked for the figure, and those whose report has not come in. */
  expected: number;
  pending: number;
  partialLabel: string | null;
}

const PROVINCE = 'province';
/** A status as it reads inside a sentence ("đạt", "có nguy cơ không đạt"). */
const statusInSentence = Object.fromEntries(
  Object.entries(targetStatusLabels).map(([k, v]) => [k, v.toLowerCase()]),
) as Record<keyof typeof targetStatusLabels, string>;
const signs = { '>=': '≥', '<=': '≤', '=': '=', between: '≥' } as const;

const pct = (x: number) => `${formatNumber(Math.round(x * 100) / 100)}%`;
const round2 = (x: number) => Math.round(x * 100) / 100;
/** "13 buổi", "85%": a unit of measure after a figure. */
const measureText = (measure: string | null) => (!measure ? '' : measure === '%' ? '%' : ` ${measure.toLowerCase()}`);

/** The years a target is evaluated for, up to the year of the as-of day. */
export function targetYears(t: TargetDefinition, asOf: string): number[] {
  const from = t.periodFrom ?? t.planStart;
  const to = Math.min(t.periodTo ?? Math.max(t.planEnd, t.deadlineYear ?? 0), Number(asOf.slice(0, 4)));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/**
 * Evaluates one target for one year: one entry for the province, or one per unit for an each-unit
 * target. Every branch says in words how the figure was made and why the status is what it is.
 */
export function evaluateTarget(
  t: TargetDefinition,
  year: number,
  figures: TargetFigures,
  asOf: string,
  memo: EvaluationMemo = new EvaluationMemo(figures),
  span: SpanInfo | null = null,
): TargetEvaluation[] {
  const ev = new Evaluator(t, year, figures, asOf, memo, span);
  if (t.indicatorId === null) return [ev.noData(null, 'Chưa gắn chỉ tiêu với số liệu nào trong biểu mẫu.')];
  if (t.scope === 'each-unit' && t.kind !== 'share-of-units') {
    const units = ev.unitsInScope();
    if (units.length === 0) return [ev.noData(null, ev.noRound(year))];
    return units.map((u) => ev.evaluate(u));
  }
  return [ev.evaluate(null)];
}

/**
 * What several targets share within one evaluation: province figures of an indicator and year,
 * units in code order, the units of a kind in a year.
 */
export class EvaluationMemo {
  readonly provinceFigures = new Map<string, Figure>();
  readonly candidates = new Map<string, UnitInfo[]>();
  /** The units behind a year's figures (asked or reporting), in code order. */
  readonly unitsOf = new WeakMap<YearFigures, UnitInfo[]>();
  readonly unitsByCode: UnitInfo[];
  constructor(figures: TargetFigures) {
    this.unitsByCode = [...figures.units.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

class Evaluator {
  constructor(
    private readonly t: TargetDefinition,
    private readonly year: number,
    private readonly f: TargetFigures,
    private readonly asOf: string,
    private readonly memo: EvaluationMemo,
    /** Evaluated from a round over several years (a final review): its figures stand for the span ending `year`. */
    private readonly span: SpanInfo | null = null,
  ) {}

  /** "năm 2020", or "giai đoạn 2016-2020" for the span's figures. */
  private when(year = this.year): string {
    return this.span && year === this.span.to ? `giai đoạn ${this.span.code}` : `năm ${year}`;
  }

  /** Where a year's (or the span's) figures are kept and memoised. */
  private slotKey(year: number): string {
    return this.span && year === this.span.to ? this.span.code : String(year);
  }

  evaluate(unit: UnitInfo | null): TargetEvaluation {
    switch (this.t.kind) {
      case 'count':
        return this.count(unit);
      case 'ratio':
        return this.ratio(unit);
      case 'share-of-units':
        return this.shareOfUnits();
      case 'growth':
        return this.growth(unit);
      case 'cumulative':
        return this.cumulative(unit);
      case 'yes-no':
        return this.yesNo(unit);
    }
  }

  // ---- kinds ----

  private count(unit: UnitInfo | null): TargetEvaluation {
    const fig = this.figure(this.t.indicatorId!, this.year, unit);
    if (fig.value === null) return this.noData(unit, fig.missing!);
    const info = this.indicator(this.t.indicatorId!);
    const measure = info?.measureUnit ?? null;
    const averaged = !unit && info?.aggregation === 'average' ? ', bình quân các đơn vị' : '';
    const formula = `${this.name(this.t.indicatorId!)} = ${formatNumber(fig.value)}${measureText(measure)}${this.coverage(fig, unit, averaged)}.`;
    return this.judge(unit, fig.value, this.t.threshold, formula, {
      measure,
      incomplete: fig,
      details: this.unitDetails(unit, this.t.indicatorId!, null),
    });
  }

  private ratio(unit: UnitInfo | null): TargetEvaluation {
    const num = this.figure(this.t.indicatorId!, this.year, unit);
    if (num.value === null) return this.noData(unit, num.missing!);
    const den = this.denominator(this.year, unit);
    if (den.value === null) return this.noData(unit, den.missing!);
    if (den.value === 0) return this.noData(unit, `Mẫu số (${den.name}) bằng 0, không tính được tỷ lệ.`);
    const actual = (num.value / den.value) * 100;
    const formula = `Tỷ lệ = ${this.name(this.t.indicatorId!)} (${formatNumber(num.value)}) ÷ ${den.name} (${formatNumber(den.value)}) × 100 = ${pct(actual)}${this.coverage(num, unit)}.`;
    return this.judge(unit, actual, this.t.threshold, formula, {
      measure: '%',
      incomplete: num,
      details: this.unitDetails(unit, this.t.indicatorId!, this.t.denominatorIndicatorId),
      columns: [this.name(this.t.indicatorId!), den.name],
    });
  }

  private shareOfUnits(): TargetEvaluation {
    const id = this.t.indicatorId!;
    const y = this.yearFigures(id, this.year);
    if (!y) return this.noData(null, this.noRound(this.year));
    const info = this.indicator(id);
    const yesNo = info?.valueType === 'yes-no';
    const cmp = this.t.conditionComparator ?? (yesNo ? '=' : '>');
    const bound = this.t.conditionValue ?? (yesNo ? 1 : 0);
    const kind = this.t.unitKind;
    const candidates = this.candidateUnits(y, kind);
    if (candidates.every((u) => !y.values.has(u.id)))
      return this.noData(null, `Chưa đơn vị nào báo cáo "${this.name(id)}" ${this.when()}.`);
    const details: EvaluationDetail[] = candidates.map((u) => {
      const v = y.values.get(u.id) ?? null;
      return {
        unitId: u.id,
        unitCode: u.code,
        unitName: u.name,
        value: v,
        second: null,
        meets: v === null ? null : meetsCondition(v, cmp, bound),
      };
    });
    const meeting = details.filter((d) => d.meets).length;
    const unitWord = kind ? `đơn vị ${unitKindLabels[kind].toLowerCase()}` : 'đơn vị';
    let denominator = candidates.length;
    let denominatorText = `${formatNumber(candidates.length)} ${unitWord}`;
    if (this.t.denominatorRegister) {
      const reg = this.registerValue(this.t.denominatorRegister, null, this.year);
      if (reg.value === null) return this.noData(null, reg.missing!);
      denominator = reg.value;
      denominatorText = `${formatNumber(reg.value)} (${reg.name})`;
    }
    if (denominator === 0) return this.noData(null, `Không có ${unitWord} nào để tính tỷ lệ ${this.when()}.`);
    const actual = (meeting / denominator) * 100;
    const condText =
      yesNo && cmp === '=' && bound === 1 ? 'trả lời "Có"' : `có ${this.name(id)} ${cmp} ${formatNumber(bound)}`;
    const fig: Figure = {
      value: meeting,
      missing: null,
      expected: candidates.length,
      pending: candidates.filter((u) => y.pending.has(u.id)).length,
      partialLabel: y.partialLabel,
    };
    const formula = `${formatNumber(meeting)}/${denominatorText} ${condText} = ${pct(actual)}${this.coverage(fig, null)}.`;
    return this.judge(null, actual, this.t.threshold, formula, {
      measure: '%',
      incomplete: fig,
      details,
      columns: [this.name(id), null],
    });
  }

  private growth(unit: UnitInfo | null): TargetEvaluation {
    const id = this.t.indicatorId!;
    if (this.span)
      return this.noData(
        unit,
        `Mức tăng từng năm không tính được từ đợt tổng kết ${this.when()} (số liệu cả giai đoạn); cần số liệu của từng năm.`,
      );
    const cur = this.figure(id, this.year, unit);
    if (cur.value === null) return this.noData(unit, cur.missing!);
    const prev = this.figure(id, this.year - 1, unit);
    if (prev.value === null)
      return this.noData(unit, `Thiếu số liệu năm ${this.year - 1} để tính mức tăng: ${prev.missing}`);
    if (cur.partialLabel && !prev.partialLabel) {
      return this.noData(
        unit,
        `Năm ${this.year} mới có số liệu ${cur.partialLabel.replace(/ năm \d{4}$/, '')}, chưa so được với cả năm ${this.year - 1}.`,
      );
    }
    if (prev.value === 0) return this.noData(unit, `Năm ${this.year - 1} bằng 0, không tính được mức tăng.`);
    const actual = ((cur.value - prev.value) / prev.value) * 100;
    const formula = `Mức tăng của ${this.name(id)} = (${formatNumber(cur.value)} − ${formatNumber(prev.value)}) ÷ ${formatNumber(prev.value)} × 100 = ${pct(actual)} so với năm ${this.year - 1}${this.coverage(cur, unit)}.`;
    const details = this.unitDetails(unit, id, null, this.year - 1);
    return this.judge(unit, actual, this.t.threshold, formula, {
      measure: '%',
      incomplete: cur,
      details,
      columns: [`Năm ${this.year}`, `Năm ${this.year - 1}`],
    });
  }

  private cumulative(unit: UnitInfo | null): TargetEvaluation {
    const id = this.t.indicatorId!;
    // A final review's figures are already the total of its span: summed alone, over the span.
    const from = this.span ? this.year : (this.t.periodFrom ?? this.t.planStart);
    const deadline = this.t.deadlineYear ?? this.t.periodTo ?? this.t.planEnd;
    let sum = 0;
    const missingYears: number[] = [];
    let last: Figure | null = null;
    for (let y = from; y <= this.year; y++) {
      const fig = this.figure(id, y, unit);
      if (fig.value === null) missingYears.push(y);
      else sum += fig.value;
      if (y === this.year) last = fig;
    }
    if (missingYears.length === this.year - from + 1)
      return this.noData(unit, `Chưa có số liệu năm nào từ ${from} đến ${this.year}.`);
    const milestone = cumulativeMilestone(this.t.threshold, from, deadline, this.year);
    const span = this.span
      ? `giai đoạn ${this.span.code}`
      : from === this.year
        ? `năm ${from}`
        : `${from}–${this.year}`;
    const missingText = missingYears.length ? ` (thiếu số liệu năm ${missingYears.join(', ')})` : '';
    const paceText =
      this.year < deadline
        ? `; mốc tiến độ ${this.when()}: ${this.thresholdText(milestone, '%')} (đến năm ${deadline}: ${this.thresholdText(this.t.threshold, '%')})`
        : '';
    let actual: number;
    let formula: string;
    let measure: string | null = '%';
    if (this.t.denominatorIndicatorId !== null || this.t.denominatorRegister !== null) {
      const den = this.denominator(this.year, unit, true);
      if (den.value === null) return this.noData(unit, den.missing!);
      if (den.value === 0) return this.noData(unit, `Mẫu số (${den.name}) bằng 0, không tính được tỷ lệ.`);
      actual = (sum / den.value) * 100;
      formula = `Lũy kế ${span}: ${this.name(id)} (${formatNumber(sum)})${missingText} ÷ ${den.name} (${formatNumber(den.value)}) × 100 = ${pct(actual)}${paceText}.`;
    } else {
      actual = sum;
      measure = this.indicator(id)?.measureUnit ?? null;
      formula = `Lũy kế ${span}: ${this.name(id)} = ${formatNumber(sum)}${measureText(measure)}${missingText}${paceText}.`;
    }
    return this.judge(unit, actual, milestone, formula, {
      measure,
      incomplete: last ?? { value: null, missing: null, expected: 0, pending: 0, partialLabel: null },
      reasons: missingYears.length ? [`thiếu số liệu năm ${missingYears.join(', ')}`] : [],
      details: this.unitDetails(unit, id, this.t.denominatorIndicatorId),
      columns: [
        `${this.name(id)} ${this.when()}`,
        this.t.denominatorIndicatorId ? this.name(this.t.denominatorIndicatorId) : null,
      ],
      beforeDeadline: this.year < deadline,
    });
  }

  private yesNo(unit: UnitInfo | null): TargetEvaluation {
    const id = this.t.indicatorId!;
    const y = this.yearFigures(id, this.year);
    if (!y) return this.noData(unit, this.noRound(this.year));
    let reporter: UnitInfo | undefined;
    if (unit) reporter = y.values.has(unit.id) ? unit : undefined;
    else
      reporter = [...y.values.keys()]
        .map((u) => this.f.units.get(u)!)
        .find((u) => u.kind === 'province' || u.kind === 'secretariat');
    if (!reporter) {
      return this.noData(
        unit,
        unit
          ? `${unit.name} chưa báo cáo "${this.name(id)}" ${this.when()}.`
          : `Chưa có báo cáo cấp tỉnh (đơn vị cấp tỉnh hoặc cơ quan thường trực) về "${this.name(id)}" ${this.when()}.`,
      );
    }
    const value = y.values.get(reporter.id)!;
    const formula = `${reporter.name} báo cáo "${this.name(id)}": ${value === 1 ? 'Có' : 'Không'}.`;
    return this.judge(unit, value, this.t.threshold, formula, {
      measure: null,
      incomplete: { value, missing: null, expected: 1, pending: 0, partialLabel: y.partialLabel },
      details: [
        { unitId: reporter.id, unitCode: reporter.code, unitName: reporter.name, value, second: null, meets: null },
      ],
    });
  }

  // ---- verdict ----

  private judge(
    unit: UnitInfo | null,
    actual: number,
    threshold: number,
    formula: string,
    o: {
      measure: string | null;
      incomplete: Figure;
      details: EvaluationDetail[];
      columns?: [string, string | null];
      beforeDeadline?: boolean;
      reasons?: string[];
    },
  ): TargetEvaluation {
    const t = this.t;
    const meets = meetsThreshold(actual, t.comparator, threshold);
    const partial = o.incomplete.partialLabel;
    const ongoing = this.asOf < `${this.year}-12-31`;
    const missingUnits = o.incomplete.pending;
    const reasons: string[] = [...(o.reasons ?? [])];
    if (partial) reasons.push(`mới có số liệu ${partial}`);
    else if (ongoing) reasons.push(`${this.when()} chưa kết thúc`);
    if (missingUnits > 0) reasons.push(`còn ${formatNumber(missingUnits)} đơn vị chưa gửi báo cáo`);
    let status: TargetStatus;
    if (meets) status = partial && (t.comparator === '<=' || t.comparator === '=') ? 'at-risk' : 'met';
    else if (o.beforeDeadline || reasons.length > 0) status = 'at-risk';
    else status = 'not-met';

    const target =
      t.kind === 'yes-no'
        ? threshold === 1
          ? 'Có'
          : 'Không'
        : this.thresholdText(threshold, o.measure === '%' ? '%' : '');
    let verdict = `Chỉ tiêu ${target}: ${statusInSentence[status]}`;
    if (meets && t.comparator === 'between' && t.thresholdHigh !== null && actual > t.thresholdHigh + 1e-9)
      verdict += ', vượt mức trên của khung';
    if (status === 'at-risk' && o.beforeDeadline && !meets)
      verdict += `, chậm so với tiến độ để đạt vào năm ${t.deadlineYear ?? t.periodTo ?? t.planEnd}`;
    if (status === 'at-risk' && reasons.length) verdict += ` (${reasons.join('; ')})`;
    return this.entry(unit, {
      actual: round2(actual),
      threshold,
      measure: o.measure,
      status,
      explanation: `${formula} ${verdict}.`,
      details: o.details,
      columns: o.columns ?? [this.name(t.indicatorId!), null],
    });
  }

  noData(unit: UnitInfo | null, why: string): TargetEvaluation {
    return this.entry(unit, {
      actual: null,
      threshold: this.t.threshold,
      measure: null,
      status: 'no-data',
      explanation: `${targetStatusLabels['no-data']}: ${why}`,
      details: [],
      columns: [this.t.indicatorId ? this.name(this.t.indicatorId) : '', null],
    });
  }

  private entry(
    unit: UnitInfo | null,
    e: {
      actual: number | null;
      threshold: number;
      measure: string | null;
      status: TargetStatus;
      explanation: string;
      details: EvaluationDetail[];
      columns: [string, string | null];
    },
  ): TargetEvaluation {
    const t = this.t;
    return {
      targetId: t.id,
      planId: t.planId,
      code: t.code,
      text: t.text,
      kind: t.kind,
      period: this.span ? this.span.code : String(this.year),
      scope: unit ? unit.code : PROVINCE,
      scopeName: unit ? unit.name : 'Toàn tỉnh',
      actual: e.actual,
      threshold: e.threshold,
      thresholdHigh: t.thresholdHigh,
      comparator: t.comparator,
      measure: e.measure,
      status: e.status,
      explanation: e.explanation,
      detailColumns: e.columns,
      details: e.details,
    };
  }

  private thresholdText(threshold: number, unit: string): string {
    const t = this.t;
    if (t.comparator === 'between' && t.thresholdHigh !== null)
      return `từ ${formatNumber(threshold)}${unit} đến ${formatNumber(t.thresholdHigh)}${unit}`;
    return `${signs[t.comparator]} ${formatNumber(threshold)}${unit}`;
  }

  // ---- figures ----

  private indicator(id: number) {
    return this.f.indicators.get(this.f.rootOf.get(id) ?? id) ?? this.f.indicators.get(id);
  }

  private name(id: number): string {
    return this.indicator(id)?.name ?? `chỉ tiêu #${id}`;
  }

  private yearFigures(id: number, year: number): YearFigures | undefined {
    const root = this.f.rootOf.get(id) ?? id;
    if (this.span && year === this.span.to) return this.f.bySpan.get(root)?.get(this.span.code);
    return this.f.byLineage.get(root)?.get(year);
  }

  /** Why a year has no figures; a year inside a final review's span says where its figures are. */
  noRound(year: number): string {
    if (this.span && year === this.span.to) return `Chưa có đợt tổng kết ${this.when()} nào có số liệu này.`;
    const covering = this.f.spans.find((x) => x.from <= year && year <= x.to);
    const inSpan = covering
      ? ` Năm ${year} nằm trong đợt tổng kết giai đoạn ${covering.code}: xem kết quả của giai đoạn.`
      : '';
    return `Chưa có đợt báo cáo năm ${year} nào có số liệu này.${inSpan}`;
  }

  /** An indicator's figure for the province (every unit, by its aggregation rule) or for one unit. */
  private figure(id: number, year: number, unit: UnitInfo | null): Figure {
    if (unit) return this.computeFigure(id, year, unit);
    const key = `${this.f.rootOf.get(id) ?? id}/${this.slotKey(year)}`;
    let fig = this.memo.provinceFigures.get(key);
    if (!fig) this.memo.provinceFigures.set(key, (fig = this.computeFigure(id, year, null)));
    return fig;
  }

  private computeFigure(id: number, year: number, unit: UnitInfo | null): Figure {
    const y = this.yearFigures(id, year);
    if (!y) return { value: null, missing: this.noRound(year), expected: 0, pending: 0, partialLabel: null };
    if (unit) {
      const v = y.values.get(unit.id);
      const pending = y.pending.has(unit.id) ? 1 : 0;
      if (v !== undefined) return { value: v, missing: null, expected: 1, pending, partialLabel: y.partialLabel };
      const why = pending
        ? `${unit.name} chưa gửi báo cáo ${this.when(year)}.`
        : `${unit.name} không ghi "${this.name(id)}" ${this.when(year)}.`;
      return { value: null, missing: why, expected: 1, pending, partialLabel: y.partialLabel };
    }
    const base = { expected: y.expected.size, pending: y.pending.size, partialLabel: y.partialLabel };
    if (y.measureUnits.size > 1) {
      return { value: null, missing: mixedUnitsRefusal(y.measureUnits), ...base };
    }
    const agg = aggregateValues(this.indicator(id)?.aggregation ?? 'sum', y.values.values());
    if (agg.value === null) {
      const why =
        y.pending.size === y.expected.size
          ? `Chưa đơn vị nào gửi báo cáo ${this.when(year)}.`
          : `Chưa đơn vị nào ghi "${this.name(id)}" ${this.when(year)}.`;
      return { value: null, missing: agg.refused ?? why, ...base };
    }
    return { value: agg.value, missing: null, ...base };
  }

  /** The denominator: an indicator's figure, or the office's register (its latest value up to the year). */
  private denominator(
    year: number,
    unit: UnitInfo | null,
    latestEarlier = false,
  ): { value: number | null; name: string; missing: string | null } {
    if (this.t.denominatorRegister) return this.registerValue(this.t.denominatorRegister, unit, year);
    if (this.t.denominatorIndicatorId === null)
      return { value: null, name: '', missing: 'Chưa chọn mẫu số (một chỉ tiêu trong biểu mẫu hoặc một sổ theo dõi).' };
    const id = this.t.denominatorIndicatorId;
    const name = this.name(id);
    for (let y = year; y >= (latestEarlier ? (this.t.periodFrom ?? this.t.planStart) : year); y--) {
      const fig = this.figure(id, y, unit);
      if (fig.value !== null) return { value: fig.value, name: y === year ? name : `${name} năm ${y}`, missing: null };
    }
    return { value: null, name, missing: `Thiếu mẫu số "${name}" ${this.when(year)}.` };
  }

  private registerValue(
    code: string,
    unit: UnitInfo | null,
    year: number,
  ): { value: number | null; name: string; missing: string | null } {
    const reg = this.f.registers.get(code);
    if (!reg) return { value: null, name: code, missing: `Không có sổ theo dõi mã "${code}".` };
    const latest = (byYear: Map<number, number> | undefined): [number, number] | null => {
      let best: [number, number] | null = null;
      for (const [y, v] of byYear ?? []) if (y <= year && (!best || y > best[0])) best = [y, v];
      return best;
    };
    let value: number | null = null;
    let asOfYear = 0;
    if (unit) {
      const l = latest(reg.values.get(unit.id));
      if (l) [asOfYear, value] = l;
    } else {
      // The province's own entry when the office keeps one; otherwise the sum of the units' entries.
      const entries = [...reg.values.entries()].filter(
        ([u]) => !reg.provinceKept || this.f.units.get(u)?.kind === 'province',
      );
      for (const [, byYear] of entries) {
        const l = latest(byYear);
        if (l) {
          value = (value ?? 0) + l[1];
          asOfYear = Math.max(asOfYear, l[0]);
        }
      }
    }
    if (value === null)
      return { value: null, name: reg.name, missing: `Sổ theo dõi "${reg.name}" chưa có số liệu đến năm ${year}.` };
    return { value, name: asOfYear === year ? reg.name : `${reg.name} (sổ theo dõi năm ${asOfYear})`, missing: null };
  }

  /** The units an each-unit target is evaluated for, or a share-of-units target counts. */
  unitsInScope(): UnitInfo[] {
    const y = this.t.indicatorId ? this.yearFigures(this.t.indicatorId, this.year) : undefined;
    return this.candidateUnits(y, this.t.unitKind);
  }

  private candidateUnits(y: YearFigures | undefined, kind: UnitKind | null): UnitInfo[] {
    const key = `${this.t.indicatorId ? (this.f.rootOf.get(this.t.indicatorId) ?? this.t.indicatorId) : 0}/${this.slotKey(this.year)}/${kind ?? ''}`;
    const known = this.memo.candidates.get(key);
    if (known) return known;
    const start = `${this.year}-01-01`;
    const end = `${this.year}-12-31`;
    const list = this.memo.unitsByCode.filter(
      (u) =>
        (!kind || u.kind === kind) &&
        (y?.expected.has(u.id) ||
          y?.values.has(u.id) ||
          (kind !== null && (u.validFrom === null || u.validFrom <= end) && (u.validTo === null || u.validTo > start))),
    );
    this.memo.candidates.set(key, list);
    return list;
  }

  private coverage(fig: Figure, unit: UnitInfo | null, note = ''): string {
    if (unit || fig.expected === 0) return fig.partialLabel ? ` (số liệu ${fig.partialLabel})` : '';
    const parts = [
      `${formatNumber(fig.expected - fig.pending)}/${formatNumber(fig.expected)} đơn vị đã gửi báo cáo${note}`,
    ];
    if (fig.partialLabel) parts.push(fig.partialLabel);
    return ` (${parts.join(', ')})`;
  }

  /** Each unit's figures behind a province figure: the indicator and a second one (denominator or the year before). */
  private unitDetails(
    unit: UnitInfo | null,
    id: number,
    secondId: number | null,
    secondYear = this.year,
  ): EvaluationDetail[] {
    const y = this.yearFigures(id, this.year);
    const second =
      secondId !== null
        ? this.yearFigures(secondId, this.year)
        : secondYear !== this.year
          ? this.yearFigures(id, secondYear)
          : undefined;
    let units = unit ? [unit] : y ? this.memo.unitsOf.get(y) : [];
    if (!units && y) {
      units = this.memo.unitsByCode.filter((u) => y.expected.has(u.id) || y.values.has(u.id));
      this.memo.unitsOf.set(y, units);
    }
    return (units ?? []).map((u) => ({
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      value: y?.values.get(u.id) ?? null,
      second: second?.values.get(u.id) ?? null,
      meets: null,
    }));
  }
}
