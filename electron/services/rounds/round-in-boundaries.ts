import type { Db } from '../../../db/schema';
import { listRoundFigures } from '../../../db/values/repo';
import { loadBoundary } from '../../../db/units/history-repo';
import { remapFigures, type Boundary } from '../../../shared/domain/boundaries';
import { provinceOfDay, remapSentence, type BoundaryChoice } from '../targets/figures-in-boundaries';
import { listAggregations } from '../../../db/forms/repo';

/**
 * Rounds read in the boundaries of a day (the comparison of periods, the matrix and its appendix):
 * each round's figures placed among that day's units, kept within that day's province unless a single
 * unit is asked for, and a record of what was re-mapped or could not be placed, for the sentence shown.
 */
export class RoundPlacement {
  readonly remapped = new Set<number>();
  readonly unplaced = new Set<number>();
  /** Yes/no answers that found no unit of the day (they never go up to a larger unit), said apart from counts. */
  readonly unplacedYesNo = new Set<number>();

  private constructor(
    readonly boundary: Boundary,
    /** The province of the day whose units are kept; null: every unit (a single unit is compared). */
    readonly provinceId: number | null,
  ) {}

  static async load(db: Db, day: string, choice: BoundaryChoice, allUnits = false): Promise<RoundPlacement> {
    const boundary = await loadBoundary(db, day);
    return new RoundPlacement(boundary, allUnits ? null : provinceOfDay(boundary, choice.province));
  }

  /** A round's figures in the day's units: indicator → unit of the day → value. Text and unaggregated figures are left out. */
  async figures(db: Db, roundId: number): Promise<Map<number, Map<number, number>>> {
    const byIndicator = new Map<number, Map<number, number>>();
    for (const r of await listRoundFigures(db, roundId)) {
      if (r.num_value === null) continue;
      const m = byIndicator.get(r.indicator_id) ?? new Map<number, number>();
      m.set(r.unit_id, r.num_value);
      byIndicator.set(r.indicator_id, m);
    }
    const ids = [...byIndicator.keys()];
    const rules = await listAggregations(db, ids);
    const out = new Map<number, Map<number, number>>();
    for (const [indicatorId, values] of byIndicator) {
      const rule = rules.get(indicatorId) ?? 'sum';
      if (rule === 'none') continue;
      const r = remapFigures(values, rule, this.boundary);
      r.remapped.forEach((u) => this.remapped.add(u));
      r.unplaced.forEach((u) => (rule === 'count-yes' ? this.unplacedYesNo : this.unplaced).add(u));
      const keep = (u: number) => this.provinceId === null || this.boundary.isUnder(u, this.provinceId);
      // A unit left under a unit that ended with no change recorded belongs to no province of the day: said, not silently dropped.
      for (const u of r.values.keys()) if (!keep(u) && this.boundary.isOrphan(u)) this.unplaced.add(u);
      out.set(indicatorId, new Map([...r.values].filter(([u]) => keep(u))));
    }
    return out;
  }

  /** What placing the figures did, in one Vietnamese sentence (two when yes/no answers were left out). */
  note(): string {
    const provinceName = this.provinceId === null ? null : (this.boundary.unit(this.provinceId)?.name ?? null);
    const names = [...this.unplacedYesNo].slice(0, 5).map((id) => this.boundary.unit(id)?.name ?? String(id));
    const yesNo =
      this.unplacedYesNo.size === 0
        ? ''
        : ` Câu trả lời Có/Không của ${this.unplacedYesNo.size} đơn vị không quy đổi được nên không tính (${names.join(', ')}${this.unplacedYesNo.size > 5 ? ', …' : ''}).`;
    return `${remapSentence(this.boundary, provinceName, this.remapped, this.unplaced)}${yesNo}`;
  }
}
