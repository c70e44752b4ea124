import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import { listUnits } from '../../../db/units/repo';
import { listRoundFigures, listRoundProblems } from '../../../db/values/repo';
import { aggregateValues } from '../../../shared/domain/aggregate';
import type { MatrixColumn, MatrixRow, RoundMatrix } from '../../../shared/domain/matrix';
import type { ServiceContext } from '../context';
import { getRound, listSubmissions } from './completeness';
import { RoundPlacement } from './round-in-boundaries';
import type { BoundaryChoice } from '../targets/figures-in-boundaries';

/**
 * A round's figures, indicators × expected units: units in the unit tree's order, a subtotal after
 * the units of one parent (a district's communes), the province total by each indicator's rule, and
 * flags where a check failed or an answering unit left a figure blank.
 */
export async function getRoundMatrix(
  ctx: ServiceContext,
  roundId: number,
  choice: BoundaryChoice = {},
): Promise<RoundMatrix> {
  const round = await getRound(ctx, roundId);
  const formRows = await getFormVersionRows(ctx.db, round.formVersionId);
  if (choice.boundaryDate !== undefined) return matrixInBoundaries(ctx, roundId, formRows, choice.boundaryDate, choice);
  const subs = await listSubmissions(ctx, roundId);
  const units = new Map((await listUnits(ctx.db, round.periodEnd)).map((u) => [u.id, u]));
  const values = await listRoundFigures(ctx.db, roundId);
  const problems = await listRoundProblems(ctx.db, roundId);

  // Columns: each unit, then a subtotal once the last unit of a parent with several units is placed.
  const columns: MatrixColumn[] = [];
  const members = new Map<string, number[]>();
  const byParent = new Map<number, number[]>();
  for (const s of subs) {
    const parentId = units.get(s.unitId)?.parentId ?? null;
    if (parentId !== null && units.get(parentId)?.parentId != null)
      byParent.set(parentId, [...(byParent.get(parentId) ?? []), s.unitId]);
  }
  subs.forEach((s, i) => {
    columns.push({
      key: `u${s.unitId}`,
      kind: 'unit',
      label: s.unitName,
      unitId: s.unitId,
      missing: s.status === 'expected',
    });
    const parentId = units.get(s.unitId)?.parentId ?? null;
    const group = parentId === null ? undefined : byParent.get(parentId);
    const nextParent = subs[i + 1] ? (units.get(subs[i + 1]!.unitId)?.parentId ?? null) : null;
    if (group && group.length > 1 && nextParent !== parentId) {
      columns.push({
        key: `p${parentId}`,
        kind: 'subtotal',
        label: `Cộng ${units.get(parentId!)!.name}`,
        unitId: parentId,
        missing: false,
      });
      members.set(`p${parentId}`, group);
    }
  });
  columns.push({ key: 'total', kind: 'total', label: 'Toàn tỉnh', unitId: null, missing: false });
  members.set(
    'total',
    subs.map((s) => s.unitId),
  );

  const key = (unitId: number, indicatorId: number) => `${unitId}:${indicatorId}`;
  const valueOf = new Map(values.map((v) => [key(v.unit_id, v.indicator_id), v.num_value ?? v.text_value]));
  const flagOf = new Map<string, 'error' | 'warning'>();
  for (const p of problems) {
    if (p.indicator_id === null) continue;
    const k = key(p.unit_id, p.indicator_id);
    if (flagOf.get(k) !== 'error') flagOf.set(k, p.severity);
  }
  const answered = new Set(subs.filter((s) => s.status !== 'expected').map((s) => s.unitId));

  const rows: MatrixRow[] = formRows.map((r) => {
    const cells: (number | string | null)[] = [];
    const flags: MatrixRow['flags'] = [];
    let totalNote: string | null = null;
    for (const c of columns) {
      if (!r.valueRow || r.indicatorId === null) {
        cells.push(null);
        flags.push(null);
      } else if (c.kind === 'unit') {
        const v = valueOf.get(key(c.unitId!, r.indicatorId)) ?? null;
        cells.push(v);
        flags.push(
          flagOf.get(key(c.unitId!, r.indicatorId)) ?? (v === null && answered.has(c.unitId!) ? 'missing' : null),
        );
      } else if (r.valueType === 'text') {
        cells.push(null);
        flags.push(null);
      } else {
        const agg = aggregateValues(
          r.aggregation,
          members.get(c.key)!.map((unitId) => {
            const v = valueOf.get(key(unitId, r.indicatorId!));
            return typeof v === 'number' ? v : null;
          }),
        );
        cells.push(agg.value);
        flags.push(null);
        if (c.kind === 'total') totalNote = agg.refused;
      }
    }
    return {
      row: r.row,
      numbering: r.numbering,
      text: r.text,
      unit: r.unit,
      level: r.level,
      valueRow: r.valueRow,
      indicatorId: r.indicatorId,
      aggregation: r.aggregation,
      cells,
      flags,
      totalNote,
    };
  });
  return { roundId, columns, rows, boundaryNote: null };
}

const kindOrder: Record<string, number> = {
  province: 0,
  district: 1,
  commune: 2,
  department: 3,
  secretariat: 4,
  other: 5,
};

/**
 * The round's figures in the boundaries of a day ("the 2024 figures as today's communes"): every
 * unit's figure placed among that day's units within its province (a split by share, a merge whole,
 * an ended district's to its province), one column per unit of that day that received figures, and
 * the province total. Nothing here is a unit's own answer, so no check flags are shown.
 */
async function matrixInBoundaries(
  ctx: ServiceContext,
  roundId: number,
  formRows: StoredFormRow[],
  day: string,
  choice: BoundaryChoice,
): Promise<RoundMatrix> {
  const place = await RoundPlacement.load(ctx.db, day, choice);
  const figures = await place.figures(ctx.db, roundId);
  const unitIds = new Set<number>();
  for (const values of figures.values()) for (const u of values.keys()) unitIds.add(u);
  const unitOf = (id: number) => place.boundary.unit(id);
  const ordered = [...unitIds].sort(
    (a, b) =>
      (kindOrder[unitOf(a)?.kind ?? 'other'] ?? 5) - (kindOrder[unitOf(b)?.kind ?? 'other'] ?? 5) ||
      (unitOf(a)?.code ?? '').localeCompare(unitOf(b)?.code ?? ''),
  );
  const columns: MatrixColumn[] = [
    ...ordered.map((id): MatrixColumn => ({
      key: `u${id}`,
      kind: 'unit',
      label: unitOf(id)?.name ?? String(id),
      unitId: id,
      missing: false,
    })),
    { key: 'total', kind: 'total', label: 'Toàn tỉnh', unitId: null, missing: false },
  ];
  const rows: MatrixRow[] = formRows.map((r) => {
    const values = r.valueRow && r.indicatorId !== null ? figures.get(r.indicatorId) : undefined;
    const cells: (number | null)[] = ordered.map((id) => values?.get(id) ?? null);
    const total = values ? aggregateValues(r.aggregation, values.values()) : null;
    cells.push(total?.value ?? null);
    return {
      row: r.row,
      numbering: r.numbering,
      text: r.text,
      unit: r.unit,
      level: r.level,
      valueRow: r.valueRow,
      indicatorId: r.indicatorId,
      aggregation: r.aggregation,
      cells,
      flags: cells.map(() => null),
      totalNote: total?.refused ?? null,
    };
  });
  return { roundId, columns, rows, boundaryNote: place.note() };
}
