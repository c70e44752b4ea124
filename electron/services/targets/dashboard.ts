import { aggregateValues } from '../../../shared/domain/aggregate';
import { parsePeriod } from '../../../shared/domain/periods';
import {
  targetStatuses,
  periodOrder,
  worstStatus,
  type DashboardView,
  type IndicatorSeries,
  type LinkableIndicator,
  type TargetStatus,
} from '../../../shared/domain/targets';
import { vietnamDay } from '../../../shared/clock';
import { AppError } from '../../../shared/errors';
import { listRoundSummaries } from '../../../db/rounds/repo';
import { listIndicatorsOnForms } from '../../../db/forms/repo';
import { listLineagePeriodsWithFigures } from '../../../db/values/repo';
import { listPlanTitles } from '../../../db/plans/repo';
import type { ServiceContext } from '../context';
import { evaluateTargets } from './evaluate-targets';
import { loadTargetFigures, type YearFigures } from './target-figures';
import { boundarySentence, placeInBoundaries, type BoundaryChoice } from './figures-in-boundaries';

/**
 * Indicators a target can be measured on: one entry per lineage (an indicator and its links across
 * form versions), with the forms that ask for it and the years that have figures.
 */
export async function listLinkableIndicators(ctx: Pick<ServiceContext, 'db'>): Promise<LinkableIndicator[]> {
  const rows = await listIndicatorsOnForms(ctx.db);
  const yearRows = await listLineagePeriodsWithFigures(ctx.db);
  const years = new Map<number, Set<number>>();
  const spans = new Map<number, Set<string>>();
  for (const y of yearRows) {
    const p = parsePeriod(y.period_code);
    if (p?.kind === 'year') years.set(Number(y.root), (years.get(Number(y.root)) ?? new Set()).add(Number(p.code)));
    else if (p?.kind === 'multi-year') spans.set(Number(y.root), (spans.get(Number(y.root)) ?? new Set()).add(p.code));
  }
  const out = new Map<number, LinkableIndicator>();
  for (const r of rows) {
    const root = r.same_as_id ?? r.id;
    const known = out.get(root);
    if (known) {
      if (!known.formNames.includes(r.form_name)) known.formNames.push(r.form_name);
      continue;
    }
    out.set(root, {
      id: root,
      name: r.name,
      measureUnit: r.measure_unit,
      valueType: r.value_type,
      formNames: [r.form_name],
      years: [...(years.get(root) ?? [])].sort(),
      spans: [...(spans.get(root) ?? [])].sort(),
    });
  }
  return [...out.values()];
}

/**
 * One indicator's province figure and each unit's, year by year, from the annual rounds; in the
 * boundaries of a day when asked (2024's districts and 2026's communes then add up to the same province).
 */
export async function getIndicatorSeries(
  ctx: Pick<ServiceContext, 'db'>,
  indicatorId: number,
  choice: BoundaryChoice = {},
): Promise<IndicatorSeries> {
  const figures = await loadTargetFigures(ctx.db, [indicatorId], []);
  const root = figures.rootOf.get(indicatorId);
  if (root === undefined) throw new AppError('not-found', `Không có chỉ tiêu thống kê số ${indicatorId}.`);
  const note = await placeInBoundaries(ctx.db, figures, choice);
  const info = figures.indicators.get(root)!;
  const byYear = figures.byLineage.get(root) ?? new Map<number, YearFigures>();
  const years = [...byYear.keys()].filter((y) => !byYear.get(y)!.partialLabel).sort((a, b) => a - b);
  const bySpan = figures.bySpan.get(root) ?? new Map<string, YearFigures>();
  const spans = figures.spans.filter((x) => bySpan.has(x.code));
  const provinceOf = (f: YearFigures) =>
    f.measureUnits.size > 1 ? null : aggregateValues(info.aggregation, f.values.values()).value;
  const province = years.map((y) => provinceOf(byYear.get(y)!));
  const unitIds = new Set<number>();
  for (const f of [...years.map((y) => byYear.get(y)!), ...spans.map((x) => bySpan.get(x.code)!)])
    for (const u of f.values.keys()) unitIds.add(u);
  const shownUnits = [...unitIds].map((id) => figures.units.get(id)!).sort((a, b) => (a.code < b.code ? -1 : 1));
  const units = shownUnits.map((u) => ({
    unitId: u.id,
    code: u.code,
    name: u.name,
    values: years.map((y) => byYear.get(y)!.values.get(u.id) ?? null),
  }));
  const spanPoints = spans.map((x) => {
    const f = bySpan.get(x.code)!;
    return {
      code: x.code,
      label: x.label,
      province: provinceOf(f),
      values: shownUnits.map((u) => f.values.get(u.id) ?? null),
      note: note ? boundarySentence(note, x.code) : null,
    };
  });
  const boundary = note
    ? { day: note.boundary.day, provinceName: note.provinceName, notes: years.map((y) => boundarySentence(note, y)) }
    : null;
  return {
    indicatorId: root,
    name: info.name,
    measureUnit: info.measureUnit,
    years,
    province,
    units,
    spans: spanPoints,
    boundary,
  };
}

/** What the overview shows: the open rounds' completeness, every target's newest status, the indicators with figures. */
export async function getDashboard(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  options: { asOf?: string } = {},
): Promise<DashboardView> {
  const asOf = options.asOf ?? vietnamDay(ctx.clock());
  const rounds = (await listRoundSummaries(ctx.db)).filter((r) => r.status === 'open');
  const evaluations = await evaluateTargets(ctx, { asOf });
  const titles = await listPlanTitles(ctx.db);
  const newest = new Map<number, string>();
  for (const e of evaluations)
    if (!newest.has(e.targetId) || periodOrder(e.period) > periodOrder(newest.get(e.targetId)!))
      newest.set(e.targetId, e.period);
  const targets: DashboardView['targets'] = [];
  for (const [targetId, period] of newest) {
    const entries = evaluations.filter((e) => e.targetId === targetId && e.period === period);
    const first = entries[0]!;
    if (entries.length === 1 && first.scope === 'province') {
      targets.push({ ...first, planTitle: titles.get(first.planId) ?? '', unitsByStatus: null });
      continue;
    }
    // An each-unit target: its units by status; the worst status leads.
    const unitsByStatus = Object.fromEntries(
      targetStatuses.map((s) => [s, entries.filter((e) => e.status === s).length]),
    ) as Record<TargetStatus, number>;
    const worst = worstStatus(entries.map((e) => e.status))!;
    targets.push({
      ...first,
      scope: 'each-unit',
      scopeName: 'Từng đơn vị',
      status: worst,
      actual: null,
      explanation: `${unitsByStatus.met}/${entries.length} đơn vị đạt.`,
      details: [],
      planTitle: titles.get(first.planId) ?? '',
      unitsByStatus,
    });
  }
  return {
    asOf,
    openRounds: rounds.map((r) => ({
      id: r.id,
      name: r.name,
      periodLabel: r.periodLabel,
      deadline: r.deadline,
      expected: r.expectedUnits,
      received: r.receivedUnits,
      withErrors: r.unitsWithErrors,
    })),
    targets,
    indicators: (await listLinkableIndicators(ctx)).filter((i) => i.years.length + i.spans.length > 0),
  };
}
