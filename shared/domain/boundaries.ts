import type { Aggregation } from './forms';
import { addDays } from '../clock';
import { validOn, type UnitKind } from './units';

/**
 * Boundaries of a date: the units as they were on that day, and where every other unit's figures
 * belong among them. Figures reported by a unit that had ended by then follow its successors
 * forward (a merge: whole; a split: by share; no successor: up to its parent); figures of a unit
 * that did not exist yet go back to what it came from (a part of a split: to the whole it was cut
 * from; a merge of several: to the smallest unit that held them all). Nothing is moved in the
 * database: this is how a report reads old data in new boundaries, and new data in old ones.
 */
export interface UnitSpan {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  /** The parent since the last change of parent (or since the unit began). */
  parentId: number | null;
  validFrom: string | null;
  /** The first day the unit no longer exists. */
  validTo: string | null;
}

/** A former parent and the days it held (valid_to exclusive). */
export interface ParentSpan {
  unitId: number;
  parentId: number | null;
  validFrom: string | null;
  validTo: string;
}

export const yesNoRules = ['all', 'any'] as const;
export type YesNoRule = (typeof yesNoRules)[number];

export interface Succession {
  kind: 'merge' | 'split' | 'rename' | 'reparent' | 'create' | 'dissolve';
  date: string;
  fromUnitId: number;
  toUnitId: number;
  /** The part of the old unit that went to the new one (1 = whole). */
  share: number;
  yesNoRule: YesNoRule;
}

/** A unit of the boundaries and the part of a figure it takes. */
export interface Part {
  unitId: number;
  share: number;
  /**
   * How a yes/no figure is combined with others arriving at the same unit; "up" when the figure
   * only reached the unit by going up to a larger one (an ended district to its province, a merged
   * commune back to the district holding its parts): a count is carried up, a yes/no answer is not
   * the larger unit's answer.
   */
  rule: YesNoRule | 'copy' | 'up';
}

export interface Placement {
  parts: Part[];
  /** The unit was not itself a unit on the day: its figures were re-mapped. */
  remapped: boolean;
}

export class Boundary {
  private readonly units = new Map<number, UnitSpan>();
  private readonly formerParents = new Map<number, ParentSpan[]>();
  private readonly successors = new Map<number, Succession[]>();
  private readonly predecessors = new Map<number, Succession[]>();
  private readonly placed = new Map<number, Placement>();

  constructor(
    readonly day: string,
    units: Iterable<UnitSpan>,
    parents: Iterable<ParentSpan>,
    successions: Iterable<Succession>,
  ) {
    for (const u of units) this.units.set(u.id, u);
    for (const p of parents) this.formerParents.set(p.unitId, [...(this.formerParents.get(p.unitId) ?? []), p]);
    for (const s of successions) {
      this.successors.set(s.fromUnitId, [...(this.successors.get(s.fromUnitId) ?? []), s]);
      this.predecessors.set(s.toUnitId, [...(this.predecessors.get(s.toUnitId) ?? []), s]);
    }
  }

  unit(id: number): UnitSpan | undefined {
    return this.units.get(id);
  }

  /** Whether the unit existed on the boundaries' day. */
  exists(id: number, day = this.day): boolean {
    const u = this.units.get(id);
    return u !== undefined && validOn(day, u.validFrom, u.validTo);
  }

  /** Every unit, of any day. */
  all(): UnitSpan[] {
    return [...this.units.values()];
  }

  /** The units of the boundaries. */
  unitsOfDay(): UnitSpan[] {
    return [...this.units.values()].filter((u) => this.exists(u.id));
  }

  /** A unit's parent on a day: a former parent whose period holds the day, else the current one. */
  parentOn(id: number, day = this.day): number | null {
    const former = this.formerParents.get(id)?.find((p) => validOn(day, p.validFrom, p.validTo));
    return former ? former.parentId : (this.units.get(id)?.parentId ?? null);
  }

  /** Whether `id` is `ancestor` or lies under it on the boundaries' day. */
  /**
   * A unit of the day whose line of parents reaches a unit that no longer exists on the day (its
   * parent ended and no change moved it): its figures belong to no province of the day.
   */
  isOrphan(id: number): boolean {
    const seen = new Set<number>();
    for (let cur: number | null = id; cur !== null && !seen.has(cur); cur = this.parentOn(cur)) {
      if (!this.exists(cur)) return true;
      seen.add(cur);
    }
    return false;
  }

  isUnder(id: number, ancestor: number): boolean {
    const seen = new Set<number>();
    for (let cur: number | null = id; cur !== null && !seen.has(cur); cur = this.parentOn(cur)) {
      if (cur === ancestor) return true;
      seen.add(cur);
    }
    return false;
  }

  /** Where a unit's figures belong among the units of the day; no parts when nowhere (a new unit with no past). */
  place(id: number): Placement {
    const known = this.placed.get(id);
    if (known) return known;
    const result = this.placeUncached(id, new Set());
    this.placed.set(id, result);
    return result;
  }

  private placeUncached(id: number, visiting: Set<number>): Placement {
    const u = this.units.get(id);
    if (!u || visiting.has(id)) return { parts: [], remapped: true };
    if (this.exists(id)) return { parts: [{ unitId: id, share: 1, rule: 'all' }], remapped: false };
    visiting.add(id);
    try {
      if (u.validTo !== null && u.validTo <= this.day) return { parts: this.forward(u, visiting), remapped: true };
      return { parts: this.backward(u, visiting), remapped: true };
    } finally {
      visiting.delete(id);
    }
  }

  /** A unit that had ended: its successors' places, by share; with none, its last parent's. */
  private forward(u: UnitSpan, visiting: Set<number>): Part[] {
    const next = this.successors.get(u.id) ?? [];
    if (next.length === 0) {
      const lastDay = addDays(u.validTo!, -1);
      const parent = this.parentOn(u.id, lastDay);
      return parent === null
        ? []
        : this.placeUncached(parent, visiting).parts.map((p) => ({ ...p, rule: 'up' as const }));
    }
    const parts: Part[] = [];
    for (const s of next) {
      for (const p of this.placeUncached(s.toUnitId, visiting).parts) {
        const rule = p.rule === 'up' ? 'up' : s.share < 1 || p.rule === 'copy' ? 'copy' : s.yesNoRule;
        parts.push({ unitId: p.unitId, share: p.share * s.share, rule });
      }
    }
    return mergeParts(parts);
  }

  /**
   * A unit that did not exist yet: what it came from. One source (or parts of one): whole to it.
   * Several: the smallest unit of the day that holds them all, since a merged figure cannot be
   * divided back.
   */
  private backward(u: UnitSpan, visiting: Set<number>): Part[] {
    const before = this.predecessors.get(u.id) ?? [];
    const parent = before.length > 0 ? null : this.parentOn(u.id, u.validFrom!);
    const sources =
      before.length > 0
        ? before.flatMap((s) => this.placeUncached(s.fromUnitId, visiting).parts.map((p) => p.unitId))
        : parent === null
          ? []
          : this.placeUncached(parent, visiting).parts.map((p) => p.unitId);
    const distinct = [...new Set(sources)];
    if (distinct.length === 0) return [];
    // The one unit it was cut from takes it whole; anything larger only holds it.
    const whole = before.length > 0 && distinct.length === 1;
    const holder = distinct.length === 1 ? distinct[0]! : this.commonAncestor(distinct);
    return holder === null ? [] : [{ unitId: holder, share: 1, rule: whole ? 'any' : 'up' }];
  }

  private commonAncestor(ids: number[]): number | null {
    const chain = (id: number) => {
      const out: number[] = [];
      const seen = new Set<number>();
      for (let cur: number | null = id; cur !== null && !seen.has(cur); cur = this.parentOn(cur)) {
        out.push(cur);
        seen.add(cur);
      }
      return out;
    };
    const [first, ...rest] = ids.map(chain);
    const others = rest.map((c) => new Set(c));
    return first!.find((a) => others.every((c) => c.has(a))) ?? null;
  }
}

function mergeParts(parts: Part[]): Part[] {
  const byUnit = new Map<number, Part>();
  for (const p of parts) {
    const seen = byUnit.get(p.unitId);
    byUnit.set(
      p.unitId,
      seen
        ? { unitId: p.unitId, share: Math.min(1, seen.share + p.share), rule: seen.rule === p.rule ? p.rule : 'all' }
        : p,
    );
  }
  return [...byUnit.values()];
}

export interface RemappedFigures {
  /** Unit of the day → figure. */
  values: Map<number, number>;
  /** Units whose figures were re-mapped (not themselves units on the day). */
  remapped: number[];
  /** Units whose figures have no place on the day (a new unit with no past, in old boundaries). */
  unplaced: number[];
}

/**
 * One indicator's figures (unit → figure) in the boundaries: counts divided by share and added;
 * yes/no copied to the parts of a split and combined by the merge's rule ("all" or "any"); an
 * average or last value weighted by share.
 */
export function remapFigures(
  values: ReadonlyMap<number, number>,
  aggregation: Aggregation,
  boundary: Boundary,
): RemappedFigures {
  const remapped: number[] = [];
  const unplaced: number[] = [];
  const sums = new Map<number, number>();
  const weights = new Map<number, number>();
  const yes = new Map<number, { isYes: boolean; rule: Part['rule'] }[]>();
  for (const [unitId, value] of values) {
    const placement = boundary.place(unitId);
    if (placement.remapped) remapped.push(unitId);
    // A yes/no answer does not go up to a larger unit as that unit's own answer; a count does.
    const parts = aggregation === 'count-yes' ? placement.parts.filter((p) => p.rule !== 'up') : placement.parts;
    if (parts.length === 0) {
      unplaced.push(unitId);
      continue;
    }
    for (const p of parts) {
      if (aggregation === 'count-yes') {
        yes.set(p.unitId, [...(yes.get(p.unitId) ?? []), { isYes: value === 1, rule: p.rule }]);
      } else {
        sums.set(p.unitId, (sums.get(p.unitId) ?? 0) + value * p.share);
        // An average or last value is weighted by the shares that make it up.
        if (aggregation !== 'sum') weights.set(p.unitId, (weights.get(p.unitId) ?? 0) + p.share);
      }
    }
  }
  const out = new Map<number, number>();
  if (aggregation === 'count-yes') {
    // A part of a split keeps its whole's answer; a merge is "yes" when all (or, by its rule, any) parts were.
    for (const [unitId, answers] of yes) {
      const anyRule = answers.some((a) => a.rule === 'any');
      out.set(unitId, (anyRule ? answers.some((a) => a.isYes) : answers.every((a) => a.isYes)) ? 1 : 0);
    }
  } else {
    for (const [unitId, sum] of sums)
      out.set(unitId, aggregation === 'sum' ? roundShare(sum) : roundShare(sum / (weights.get(unitId) || 1)));
  }
  return { values: out, remapped, unplaced };
}

/** Shares make fractions (0.6 × 7 = 4.2000000000000002); figures keep six decimals. */
function roundShare(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
