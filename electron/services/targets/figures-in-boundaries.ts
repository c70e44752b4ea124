import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { loadBoundary } from '../../../db/units/history-repo';
import type { Boundary } from '../../../shared/domain/boundaries';
import { remapFigures } from '../../../shared/domain/boundaries';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text/format-vi';
import type { TargetFigures, YearFigures } from './target-figures';

/** Which boundaries figures are read in. */
export interface BoundaryChoice {
  /**
   * Read every year's figures in the units as they were on this day ("as the province was on
   * 1/1/2024", or today after a merger); by default each year's figures as the units reported them.
   */
  boundaryDate?: string;
  /** The province of that day, by code, when there were several (before a merger of provinces). */
  province?: string;
}

/** The figures placed in the boundaries chosen (changed in place), and what that did; null when none were chosen. */
export async function placeInBoundaries(
  db: Kysely<Database> | Transaction<Database>,
  figures: TargetFigures,
  choice: BoundaryChoice,
): Promise<BoundaryNote | null> {
  if (choice.boundaryDate === undefined) return null;
  const boundary = await loadBoundary(db, choice.boundaryDate);
  return figuresInBoundaries(figures, boundary, provinceOfDay(boundary, choice.province));
}

/** What re-mapping did to a year's figures, for the evaluation to say. */
export interface BoundaryNote {
  boundary: Boundary;
  provinceName: string | null;
  /** Year (or span, "2016-2020") → units whose figures were re-mapped, and units whose figures found no place. */
  byYear: Map<number | string, { remapped: Set<number>; unplaced: Set<number> }>;
}

/**
 * The figures in the boundaries of a day: every unit's figures placed among that day's units (see
 * Boundary), only those within the province of that day kept, and the day's units taken as the
 * units of every year. The figures as stored are not changed.
 */
export function figuresInBoundaries(
  figures: TargetFigures,
  boundary: Boundary,
  provinceId: number | null,
): BoundaryNote {
  const keep = (unitId: number) => provinceId === null || boundary.isUnder(unitId, provinceId);
  const note: BoundaryNote = {
    boundary,
    provinceName: provinceId === null ? null : (boundary.unit(provinceId)?.name ?? null),
    byYear: new Map(),
  };
  const noteOf = (year: number | string) => {
    let n = note.byYear.get(year);
    if (!n) note.byYear.set(year, (n = { remapped: new Set(), unplaced: new Set() }));
    return n;
  };
  const placeSet = (ids: Set<number>) => {
    const out = new Set<number>();
    for (const id of ids) for (const p of boundary.place(id).parts) if (keep(p.unitId)) out.add(p.unitId);
    return out;
  };
  const slots: [number, Map<number | string, YearFigures>][] = [...figures.byLineage, ...figures.bySpan];
  for (const [root, years] of slots) {
    const aggregation = figures.indicators.get(root)?.aggregation ?? 'sum';
    for (const [year, y] of years) {
      const r = remapFigures(y.values, aggregation, boundary);
      const n = noteOf(year);
      for (const u of r.remapped) n.remapped.add(u);
      for (const u of r.unplaced) n.unplaced.add(u);
      // A unit left under a unit that ended with no change recorded belongs to no province of the day: said, not silently dropped.
      for (const u of r.values.keys()) if (!keep(u) && boundary.isOrphan(u)) n.unplaced.add(u);
      y.values = new Map([...r.values].filter(([u]) => keep(u)));
      y.expected = placeSet(y.expected);
      y.pending = placeSet(y.pending);
    }
  }
  // A register (unit → year → value) is re-mapped year by year, as counts: the province's own
  // entries alone when the office keeps them (they make the province of the day), else every unit's.
  for (const reg of figures.registers.values()) {
    const byYear = new Map<number, Map<number, number>>();
    for (const [unitId, years] of reg.values) {
      if (reg.provinceKept && boundary.unit(unitId)?.kind !== 'province') continue;
      for (const [year, value] of years)
        byYear.set(year, (byYear.get(year) ?? new Map<number, number>()).set(unitId, value));
    }
    const byUnit = new Map<number, Map<number, number>>();
    for (const [year, values] of byYear) {
      for (const [unitId, value] of remapFigures(values, 'sum', boundary).values) {
        if (keep(unitId)) byUnit.set(unitId, (byUnit.get(unitId) ?? new Map<number, number>()).set(year, value));
      }
    }
    reg.values = byUnit;
  }
  // The day's units stand for every year: a target "of communes" counts the communes of that day.
  figures.units.clear();
  for (const u of boundary.unitsOfDay())
    if (keep(u.id))
      figures.units.set(u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind, validFrom: null, validTo: null });
  return note;
}

/** The sentence an evaluation gets when its figures were read in the boundaries of a day. */
export function boundarySentence(note: BoundaryNote, year: number | string): string {
  const n = note.byYear.get(year);
  return remapSentence(note.boundary, note.provinceName, n?.remapped ?? new Set(), n?.unplaced ?? new Set());
}

/** "Theo địa giới ngày …: số liệu của N đơn vị được quy đổi …; M đơn vị không quy đổi được …". */
export function remapSentence(
  boundary: Boundary,
  provinceName: string | null,
  remapped: ReadonlySet<number>,
  unplaced: ReadonlySet<number>,
): string {
  const unitName = (id: number) => boundary.unit(id)?.name ?? String(id);
  const where = `Theo địa giới ngày ${formatDate(boundary.day)}${provinceName ? ` (${provinceName})` : ''}`;
  if (remapped.size === 0 && unplaced.size === 0) return `${where}.`;
  const parts = [
    `${where}: số liệu của ${remapped.size} đơn vị được quy đổi theo sáp nhập, chia tách (${[...remapped].slice(0, 5).map(unitName).join(', ')}${remapped.size > 5 ? ', …' : ''})`,
  ];
  if (unplaced.size > 0)
    parts.push(
      `${unplaced.size} đơn vị không quy đổi được nên không tính (${[...unplaced].slice(0, 5).map(unitName).join(', ')})`,
    );
  return `${parts.join('; ')}.`;
}

/**
 * The province whose figures are evaluated in the boundaries of a day: the only one of that day,
 * the one with the code asked for, or (before a merger) the one with today's province's code.
 */
export function provinceOfDay(boundary: Boundary, code: string | undefined): number | null {
  const provinces = boundary.unitsOfDay().filter((u) => u.kind === 'province' && boundary.parentOn(u.id) === null);
  const list = provinces.map((p) => `${p.code} ${p.name}`).join(', ');
  if (code !== undefined) {
    const chosen = provinces.find((p) => p.code === code);
    if (!chosen)
      throw new AppError(
        'invalid-input',
        `Ngày ${formatDate(boundary.day)} không có tỉnh mã "${code}"${list ? ` (có: ${list})` : ''}.`,
      );
    return chosen.id;
  }
  if (provinces.length <= 1) return provinces[0]?.id ?? null;
  const today = new Set(
    boundary
      .all()
      .filter((u) => u.kind === 'province' && u.validTo === null)
      .map((u) => u.code),
  );
  const same = provinces.filter((p) => today.has(p.code));
  if (same.length === 1) return same[0]!.id;
  throw new AppError(
    'invalid-input',
    `Ngày ${formatDate(boundary.day)} có ${provinces.length} tỉnh (${list}); hãy chọn tỉnh.`,
  );
}
