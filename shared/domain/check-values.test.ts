import { describe, expect, it } from 'vitest';
import { checkTreeRules, type CheckedRow } from './check-values';

const rows: CheckedRow[] = [
  { row: 1, indicatorId: 10, text: 'Tổng số cơ sở', unit: 'Cơ sở', parentRow: null, childRule: 'each-le-parent' },
  { row: 2, indicatorId: 11, text: 'Cơ sở lưu trú', unit: 'Cơ sở', parentRow: 1, childRule: 'none' },
  { row: 3, indicatorId: 12, text: 'Karaoke', unit: 'Cơ sở', parentRow: 1, childRule: 'none' },
  { row: 4, indicatorId: 13, text: 'Số tiền phạt', unit: 'Triệu đồng', parentRow: 1, childRule: 'none' },
];
const sumRows = rows.map((r) => (r.row === 1 ? { ...r, childRule: 'sum-eq-parent' as const } : r));
const v = (entries: [number, number | null][]) => new Map(entries);

describe('checkTreeRules', () => {
  it.each([
    [
      'children within the total',
      rows,
      v([
        [10, 20],
        [11, 12],
        [12, 8],
        [13, 500],
      ]),
      [],
    ],
    [
      'a child larger than its total',
      rows,
      v([
        [10, 20],
        [11, 25],
        [12, 8],
      ]),
      ['each-le-parent:11'],
    ],
    [
      'a different unit is never compared',
      rows,
      v([
        [10, 20],
        [13, 500],
      ]),
      [],
    ],
    [
      'a blank total checks nothing',
      rows,
      v([
        [10, null],
        [11, 25],
      ]),
      [],
    ],
    [
      'sum rule met',
      sumRows,
      v([
        [10, 20],
        [11, 12],
        [12, 8],
      ]),
      [],
    ],
    [
      'sum rule broken',
      sumRows,
      v([
        [10, 20],
        [11, 12],
        [12, 7],
      ]),
      ['sum-eq-parent:10'],
    ],
    [
      'sum rule waits for every item',
      sumRows,
      v([
        [10, 20],
        [11, 12],
        [12, null],
      ]),
      [],
    ],
    [
      'no rule, no check',
      rows.map((r) => ({ ...r, childRule: 'none' as const })),
      v([
        [10, 1],
        [11, 25],
      ]),
      [],
    ],
  ] as const)('%s', (_name, r, values, expected) => {
    expect(checkTreeRules([...r], values).map((p) => `${p.rule}:${p.indicatorId}`)).toEqual(expected);
  });
  it('explains the problem in Vietnamese with the figures', () => {
    const [p] = checkTreeRules(
      rows,
      v([
        [10, 1250],
        [11, 1300],
      ]),
    );
    expect(p!.message).toBe(
      '"Cơ sở lưu trú" (1.300) lớn hơn dòng tổng "Tổng số cơ sở" (1.250), trong khi đây là một phần của dòng tổng.',
    );
  });
});
