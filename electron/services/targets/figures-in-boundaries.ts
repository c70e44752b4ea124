import type { Boundary } from '../../../shared/domain/boundaries';
import { remapFigures } from '../../../shared/domain/boundaries';
import { formatDate } from '../../../shared/text/format-vi';
import type { TargetFigures } from './target-figures';

/** What re-mapping did to a year's figures, for the evaluation to say. */
export interface BoundaryNote {
  boundary: Boundary;
  provinceName: string | null;
  /** Year → units whose figures were re-mapped, and units whose figures found no place. */
  byYear: Map<number, { remapped: Set<number>; unplaced: Set<number> }>;
}

/**
 * The figures in the boundaries of a day: every unit's figures placed among that day's units (see
 * Boundary), only those within the province of that day kept, and the day's units taken as the
 * units of every year. The figures as stored are not changed.
 */
export function figuresInBoundaries(figures: TargetFigures, boundary: Boundary, provinceId: number | null): BoundaryNote {
  const keep = (unitId: number) => provinceId === null || boundary.isUnder(unitId, provinceId);
  const note: BoundaryNote = { boundary, provinceName: provinceId === null ? null : (boundary.unit(provinceId)?.name ?? null), byYear: new Map() };
  const noteOf = (year: number) => {
    let n = note.byYear.get(year);
    if (!n) note.byYear.set(year, (n = { remapped: new Set(), unplaced: new Set() }));
    return n;
  };
  const placeSet = (ids: Set<number>) => {
    const out = new Set<number>();
    for (const id of ids) for (const p of boundary.place(id).parts) if (keep(p.unitId)) out.add(p.unitId);
    return out;
  };
  for (const [root, years] of figures.byLineage) {
    const aggregation = figures.indicators.get(root)?.aggregation ?? 'sum';
    for (const [year, y] of years) {
      const r = remapFigures(y.values, aggregation, boundary);
      const n = noteOf(year);
      for (const u of r.remapped) n.remapped.add(u);
      for (const u of r.unplaced) n.unplaced.add(u);
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
      for (const [year, value] of years) byYear.set(year, (byYear.get(year) ?? new Map<number, number>()).set(unitId, value));
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
  for (const u of boundary.unitsOfDay()) if (keep(u.id)) figures.units.set(u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind, validFrom: null, validTo: null });
  return note;
}

/** The sentence an evaluation gets when its figures were read in the boundaries of a day. */
export function boundarySentence(note: BoundaryNote, year: number): string {
  const unitName = (id: number) => note.boundary.unit(id)?.name ?? String(id);
  const n = note.byYear.get(year);
  const where = `Theo địa giới ngày ${formatDate(note.boundary.day)}${note.provinceName ? ` (${note.provinceName})` : ''}`;
  if (!n || (n.remapped.size === 0 && n.unplaced.size === 0)) return `${where}.`;
  const parts = [`${where}: số liệu của ${n.remapped.size} đơn vị được quy đổi theo sáp nhập, chia tách (${[...n.remapped].slice(0, 5).map(unitName).join(', ')}${n.remapped.size > 5 ? ', …' : ''})`];
  if (n.unplaced.size > 0) parts.push(`${n.unplaced.size} đơn vị không quy đổi được nên không tính (${[...n.unplaced].slice(0, 5).map(unitName).join(', ')})`);
  return `${parts.join('; ')}.`;
}
