import type { Db } from '../../../db/schema';
import { listAllUnitRows } from '../../../db/units/repo';
import { listFormVersionIndicators, listIndicatorLinks, listLineageMembers } from '../../../db/forms/repo';
import { listRoundPeriods } from '../../../db/rounds/repo';
import { listSubmissionStates } from '../../../db/submissions/repo';
import { figureRows } from '../../../db/values/repo';
import { listRegistersByCode, listRegisterValues } from '../../../db/registers/repo';
import type { Aggregation, ValueType } from '../../../shared/domain/forms';
import type { UnitKind } from '../../../shared/domain/units';
import { parsePeriod, type PeriodKind } from '../../../shared/domain/periods';

/**
 * The figures targets are evaluated on, loaded in a few queries: for each indicator lineage (an
 * indicator and those linked to it across form versions) and each year, every unit's figure and
 * the units that were expected to report it.
 *
 * A year's figures come from its annual rounds; a year without one falls back to its latest
 * year-to-date round (9 months, then 6 months, then the first quarter), marked partial.
 */
export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
}

export interface IndicatorInfo {
  id: number;
  name: string;
  measureUnit: string | null;
  valueType: ValueType;
  aggregation: Aggregation;
}

export interface YearFigures {
  /** The period the figures are for when it is less than the whole year ("9 tháng năm 2026"). */
  partialLabel: string | null;
  /** Unit id → figure. */
  values: Map<number, number>;
  /** Units the year's rounds asked for this indicator. */
  expected: Set<number>;
  /** Of those, the ones whose report has not come in yet. */
  pending: Set<number>;
  /** Units of measure of the figures, to refuse adding different ones. */
  measureUnits: Set<string>;
}

export interface RegisterFigures {
  name: string;
  /** Unit id → year → value. */
  values: Map<number, Map<number, number>>;
  /**
   * The office keeps the province's own entry (it then stands for the province); otherwise the
   * province's figure is the sum of the units' entries. Decided on the entries as kept, before any
   * re-mapping into other boundaries.
   */
  provinceKept: boolean;
}

/** A round over several years (a five-year final review, "2016-2020"): its figures stand for the span as a whole. */
export interface SpanInfo {
  code: string;
  label: string;
  from: number;
  to: number;
}

export interface TargetFigures {
  units: Map<number, UnitInfo>;
  /** Lineage root → year → figures. */
  byLineage: Map<number, Map<number, YearFigures>>;
  /** The spans with a round (final reviews), by when they end. */
  spans: SpanInfo[];
  /** Lineage root → span code → figures of that span's rounds. */
  bySpan: Map<number, Map<string, YearFigures>>;
  /** Indicator id → its lineage root. */
  rootOf: Map<number, number>;
  indicators: Map<number, IndicatorInfo>;
  /** Register code → unit id → year → value. */
  registers: Map<string, RegisterFigures>;
}

const yearToDateRank: Partial<Record<PeriodKind, number>> = { year: 4, 'nine-months': 3, 'half-year': 2, quarter: 1 };

export async function loadTargetFigures(
  db: Db,
  indicatorIds: number[],
  registerCodes: string[],
): Promise<TargetFigures> {
  const units = new Map<number, UnitInfo>();
  for (const u of await listAllUnitRows(db)) {
    units.set(u.id, {
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      validFrom: u.valid_from,
      validTo: u.valid_to,
    });
  }
  const figures: TargetFigures = {
    units,
    byLineage: new Map(),
    spans: [],
    bySpan: new Map(),
    rootOf: new Map(),
    indicators: new Map(),
    registers: new Map(),
  };
  await loadRegisters(db, registerCodes, figures);
  if (indicatorIds.length === 0) return figures;

  // Lineages: the roots of the targets' indicators, then every indicator of those lineages.
  const asked = await listIndicatorLinks(db, indicatorIds);
  const roots = [...new Set(asked.map((i) => i.same_as_id ?? i.id))];
  for (const i of asked) figures.rootOf.set(i.id, i.same_as_id ?? i.id);
  const members = await listLineageMembers(db, roots);
  const measureOf = new Map<number, string>();
  for (const m of members) {
    figures.rootOf.set(m.id, m.same_as_id ?? m.id);
    measureOf.set(m.id, m.measure_unit ?? '');
    figures.indicators.set(m.id, {
      id: m.id,
      name: m.name,
      measureUnit: m.measure_unit,
      valueType: m.value_type,
      aggregation: m.aggregation,
    });
  }

  // Each year's rounds: annual ones, else the latest year-to-date ones.
  const rounds = await listRoundPeriods(db);
  const best = new Map<number, { rank: number; label: string; rounds: { id: number; formVersionId: number }[] }>();
  const spanRounds = new Map<number, SpanInfo>();
  for (const r of rounds) {
    const period = parsePeriod(r.period_code);
    if (period?.kind === 'multi-year') {
      const span = {
        code: period.code,
        label: period.label,
        from: Number(period.start.slice(0, 4)),
        to: Number(period.end.slice(0, 4)),
      };
      spanRounds.set(r.id, span);
      if (!figures.spans.some((x) => x.code === span.code)) figures.spans.push(span);
      continue;
    }
    const rank = period ? yearToDateRank[period.kind] : undefined;
    if (
      !period ||
      rank === undefined ||
      (period.kind === 'half-year' && !period.code.endsWith('H1')) ||
      (period.kind === 'quarter' && !period.code.endsWith('Q1'))
    )
      continue;
    const year = Number(period.start.slice(0, 4));
    const current = best.get(year);
    if (!current || rank > current.rank)
      best.set(year, { rank, label: period.label, rounds: [{ id: r.id, formVersionId: r.form_version_id }] });
    else if (rank === current.rank) current.rounds.push({ id: r.id, formVersionId: r.form_version_id });
  }
  const roundYear = new Map<number, { year: number; partialLabel: string | null }>();
  for (const [year, b] of best)
    for (const r of b.rounds) roundYear.set(r.id, { year, partialLabel: b.rank === 4 ? null : b.label });
  figures.spans.sort((a, b) => a.to - b.to || a.from - b.from);
  const roundIds = [...roundYear.keys(), ...spanRounds.keys()];
  if (roundIds.length === 0) return figures;
  const memberIds = members.map((m) => m.id);

  const slotIn = <K>(byRoot: Map<number, Map<K, YearFigures>>, root: number, key: K, partialLabel: string | null) => {
    let slots = byRoot.get(root);
    if (!slots) byRoot.set(root, (slots = new Map<K, YearFigures>()));
    let y = slots.get(key);
    if (!y)
      slots.set(
        key,
        (y = { partialLabel, values: new Map(), expected: new Set(), pending: new Set(), measureUnits: new Set() }),
      );
    return y;
  };
  /** A round's figures go to its year, or to its span for a round over several years. */
  const slotOfRound = (root: number, roundId: number): YearFigures => {
    const span = spanRounds.get(roundId);
    if (span) return slotIn(figures.bySpan, root, span.code, null);
    const ry = roundYear.get(roundId)!;
    return slotIn(figures.byLineage, root, ry.year, ry.partialLabel);
  };

  // Who was asked, and who has not answered: the submissions of each round whose form asks for the lineage.
  const formIndicators = await listFormVersionIndicators(
    db,
    [
      ...new Set([
        ...[...best.values()].flatMap((b) => b.rounds.map((r) => r.formVersionId)),
        ...rounds.filter((r) => spanRounds.has(r.id)).map((r) => r.form_version_id),
      ]),
    ],
    memberIds,
  );
  const rootsOfForm = new Map<number, Set<number>>();
  for (const f of formIndicators) {
    const set = rootsOfForm.get(f.form_version_id) ?? new Set<number>();
    set.add(figures.rootOf.get(f.indicator_id)!);
    rootsOfForm.set(f.form_version_id, set);
  }
  const submissions = await listSubmissionStates(db, roundIds);
  const formOfRound = new Map(rounds.map((r) => [r.id, r.form_version_id]));
  // Who each round asked and who has not answered, once per round; the slots of the lineages its form
  // asks for share those sets (a slot fed by several rounds gets their union). Nothing changes them after.
  const unitsOfRound = new Map<number, { expected: Set<number>; pending: Set<number> }>();
  for (const sub of submissions) {
    let sets = unitsOfRound.get(sub.round_id);
    if (!sets) unitsOfRound.set(sub.round_id, (sets = { expected: new Set(), pending: new Set() }));
    sets.expected.add(sub.unit_id);
    if (sub.status === 'expected') sets.pending.add(sub.unit_id);
  }
  const fed = new Set<YearFigures>();
  for (const [roundId, sets] of unitsOfRound) {
    for (const root of rootsOfForm.get(formOfRound.get(roundId)!) ?? []) {
      const y = slotOfRound(root, roundId);
      if (!fed.has(y)) {
        y.expected = sets.expected;
        y.pending = sets.pending;
        fed.add(y);
      } else {
        y.expected = new Set([...y.expected, ...sets.expected]);
        y.pending = new Set([...y.pending, ...sets.pending]);
      }
    }
  }

  // The figures themselves, in one query; a later round's figure wins over an earlier one's.
  const values = await figureRows(db, roundIds, memberIds);
  // Rows come round by round; each round's year figures per indicator are looked up once.
  let round = -1;
  let ofIndicator = new Map<number, YearFigures>();
  for (const v of values) {
    if (v.round_id !== round) {
      round = v.round_id;
      ofIndicator = new Map();
    }
    let y = ofIndicator.get(v.indicator_id);
    if (!y) {
      y = slotOfRound(figures.rootOf.get(v.indicator_id)!, v.round_id);
      y.measureUnits.add(measureOf.get(v.indicator_id) ?? '');
      ofIndicator.set(v.indicator_id, y);
    }
    y.values.set(v.unit_id, v.num_value);
  }
  return figures;
}

async function loadRegisters(db: Db, codes: string[], figures: TargetFigures): Promise<void> {
  if (codes.length === 0) return;
  const rows = await listRegisterValues(db, codes);
  for (const r of await listRegistersByCode(db, codes)) {
    figures.registers.set(r.code, { name: r.name, values: new Map(), provinceKept: false });
  }
  for (const r of rows) {
    const reg = figures.registers.get(r.code)!;
    if (figures.units.get(r.unit_id)?.kind === 'province') reg.provinceKept = true;
    const byYear = reg.values.get(r.unit_id) ?? new Map<number, number>();
    byYear.set(r.year, r.value);
    reg.values.set(r.unit_id, byYear);
  }
}
