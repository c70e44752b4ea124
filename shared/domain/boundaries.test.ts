import { describe, expect, it } from 'vitest';
import { Boundary, remapFigures, type ParentSpan, type Succession, type UnitSpan } from './boundaries';

const REFORM = '2025-07-01';
const unit = (
  id: number,
  kind: UnitSpan['kind'],
  parentId: number | null,
  validFrom: string | null,
  validTo: string | null,
): UnitSpan => ({ id, code: String(id), name: `u${id}`, kind, parentId, validFrom, validTo });
// Two former provinces (1, 2) merged into a new one (3); districts 10, 11 (of 1) and 12 (of 2)
// abolished; communes 20+21 (of district 10) merged into 30; commune 22 (of 11) kept, now under 3;
// commune 23 (of 12) became 31; district 11 had been split in 2023 from district 13 (60% / 40% to 11 and 12).
const units = [
  unit(1, 'province', null, null, REFORM),
  unit(2, 'province', null, null, REFORM),
  unit(3, 'province', null, REFORM, null),
  unit(13, 'district', 1, null, '2023-01-01'),
  unit(10, 'district', 1, null, REFORM),
  unit(11, 'district', 1, '2023-01-01', REFORM),
  unit(12, 'district', 2, null, REFORM),
  unit(20, 'commune', 10, null, REFORM),
  unit(21, 'commune', 10, null, REFORM),
  unit(22, 'commune', 3, null, null),
  unit(23, 'commune', 12, null, REFORM),
  unit(30, 'commune', 3, REFORM, null),
  unit(31, 'commune', 3, REFORM, null),
];
const parents: ParentSpan[] = [{ unitId: 22, parentId: 11, validFrom: null, validTo: REFORM }];
const s = (
  kind: Succession['kind'],
  date: string,
  fromUnitId: number,
  toUnitId: number,
  share = 1,
  yesNoRule: Succession['yesNoRule'] = 'all',
): Succession => ({ kind, date, fromUnitId, toUnitId, share, yesNoRule });
const successions = [
  s('merge', REFORM, 1, 3),
  s('merge', REFORM, 2, 3),
  s('merge', REFORM, 20, 30),
  s('merge', REFORM, 21, 30),
  s('merge', REFORM, 23, 31),
  s('split', '2023-01-01', 13, 11, 0.6),
  s('split', '2023-01-01', 13, 12, 0.4),
];

describe('the boundaries of a day', () => {
  it('in old boundaries: new communes go back to what they came from, a merged one to the district that held its parts', () => {
    const old = new Boundary('2024-01-01', units, parents, successions);
    expect(
      old
        .unitsOfDay()
        .map((u) => u.id)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 10, 11, 12, 20, 21, 22, 23]);
    expect(old.parentOn(22)).toBe(11);
    expect(old.place(30)).toEqual({ parts: [{ unitId: 10, share: 1, rule: 'up' }], remapped: true });
    expect(old.place(31).parts.map((p) => p.unitId)).toEqual([23]);
    expect(old.place(22)).toEqual({ parts: [{ unitId: 22, share: 1, rule: 'all' }], remapped: false });
    // The new province's own figures cannot be divided between the two former ones.
    expect(old.place(3).parts).toEqual([]);
    // The split district's figures go to its parts by share.
    expect(old.place(13).parts).toEqual([
      { unitId: 11, share: 0.6, rule: 'copy' },
      { unitId: 12, share: 0.4, rule: 'copy' },
    ]);
    expect(old.isUnder(22, 1)).toBe(true);
    expect(old.isUnder(23, 1)).toBe(false);
  });

  it('in new boundaries: old units follow their successors, an abolished district goes up to its province and on', () => {
    const now = new Boundary('2026-01-01', units, parents, successions);
    expect(
      now
        .unitsOfDay()
        .map((u) => u.id)
        .sort((a, b) => a - b),
    ).toEqual([3, 22, 30, 31]);
    expect(now.parentOn(22)).toBe(3);
    expect(now.place(20).parts).toEqual([{ unitId: 30, share: 1, rule: 'all' }]);
    expect(now.place(10).parts).toEqual([{ unitId: 3, share: 1, rule: 'up' }]);
    expect(now.place(1).parts).toEqual([{ unitId: 3, share: 1, rule: 'all' }]);
    expect(now.place(13).parts.map((p) => p.unitId)).toEqual([3]);
  });

  it('keeps a count’s total through any boundaries, divides it by share, and carries yes/no by rule', () => {
    const districts2024 = new Map([
      [10, 7],
      [11, 5],
      [12, 4],
    ]);
    const now = new Boundary('2026-01-01', units, parents, successions);
    const r = remapFigures(districts2024, 'sum', now);
    expect(r.values).toEqual(new Map([[3, 16]]));
    expect(r.remapped.sort()).toEqual([10, 11, 12]);
    const communes2026 = new Map([
      [22, 2],
      [30, 6],
      [31, 3],
    ]);
    const old = new Boundary('2024-01-01', units, parents, successions);
    const back = remapFigures(communes2026, 'sum', old);
    expect(back.values).toEqual(
      new Map([
        [22, 2],
        [10, 6],
        [23, 3],
      ]),
    );
    expect([...back.values.values()].reduce((a, b) => a + b)).toBe(11);
    // A split by share: 10 figures of the old district are 6 and 4; its "yes" is every part's "yes".
    const split = new Boundary('2024-01-01', units, parents, successions);
    expect(remapFigures(new Map([[13, 10]]), 'sum', split).values).toEqual(
      new Map([
        [11, 6],
        [12, 4],
      ]),
    );
    expect(remapFigures(new Map([[13, 1]]), 'count-yes', split).values).toEqual(
      new Map([
        [11, 1],
        [12, 1],
      ]),
    );
    // A merge is "yes" only when all its parts were (the rule by default)…
    expect(
      remapFigures(
        new Map([
          [20, 1],
          [21, 0],
        ]),
        'count-yes',
        now,
      ).values,
    ).toEqual(new Map([[30, 0]]));
    expect(
      remapFigures(
        new Map([
          [20, 1],
          [21, 1],
        ]),
        'count-yes',
        now,
      ).values,
    ).toEqual(new Map([[30, 1]]));
    // …or when any was, when the merge was recorded so.
    const anyRule = new Boundary(
      '2026-01-01',
      units,
      parents,
      successions.map((x) => (x.toUnitId === 30 ? { ...x, yesNoRule: 'any' as const } : x)),
    );
    expect(
      remapFigures(
        new Map([
          [20, 1],
          [21, 0],
        ]),
        'count-yes',
        anyRule,
      ).values,
    ).toEqual(new Map([[30, 1]]));
    // An ended district's yes/no answer is not its province's answer: the province answers for itself,
    // and the district's answer has no place; a merged commune's answer is not its old district's either.
    expect(
      remapFigures(
        new Map([
          [1, 1],
          [10, 0],
        ]),
        'count-yes',
        now,
      ),
    ).toEqual({ values: new Map([[3, 1]]), remapped: [1, 10], unplaced: [10] });
    expect(remapFigures(new Map([[30, 1]]), 'count-yes', old).unplaced).toEqual([30]);
    // A percentage is averaged, weighted by share.
    expect(
      remapFigures(
        new Map([
          [20, 50],
          [21, 100],
        ]),
        'average',
        now,
      ).values,
    ).toEqual(new Map([[30, 75]]));
  });

  it('knows a unit left under a unit that ended with no change moving it (its figures belong to no province of the day)', () => {
    // Commune 40 of district 12 was never moved when the district ended; commune 22 was moved to the new province.
    const withStray = [...units, unit(40, 'commune', 12, null, null)];
    const now = new Boundary('2026-01-01', withStray, parents, successions);
    expect(now.isOrphan(40)).toBe(true);
    expect(now.isOrphan(22)).toBe(false);
    expect(now.isUnder(40, 3)).toBe(false);
    expect(new Boundary('2024-01-01', withStray, parents, successions).isOrphan(40)).toBe(false);
  });
});
