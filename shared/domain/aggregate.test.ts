import { describe, expect, it } from 'vitest';
import { aggregateValues, mixedUnitsRefusal } from './aggregate';

describe('aggregateValues', () => {
  it.each([
    ['sum adds the units reported', 'sum', [3, null, 4.5], 7.5, 2],
    ['last (a stock) adds each unit’s figure across units', 'last', [10, 20], 30, 2],
    ['average is the mean of those reported, blanks left out', 'average', [50, null, 100], 75, 2],
    ['count-yes counts the units answering Có', 'count-yes', [1, 0, 1, null], 2, 3],
    ['nothing reported is blank, not zero', 'sum', [null, null], null, 0],
    ['decimals in Triệu đồng add without float noise', 'sum', [0.1, 0.2], 0.3, 2],
  ] as const)('%s', (_name, rule, values, expected, reported) => {
    expect(aggregateValues(rule, values)).toEqual({ value: expected, reported, refused: null });
  });

  it('reads the figures from any iterable, such as the values of a map of units to figures', () => {
    const byUnit = new Map<number, number | null>([
      [7, 2],
      [9, null],
      [4, 5],
    ]);
    expect(aggregateValues('average', byUnit.values())).toEqual({ value: 3.5, reported: 2, refused: null });
  });

  it('says why figures of different units of measure are not added, a blank unit as "không ghi"', () => {
    expect(mixedUnitsRefusal(new Set(['Người', 'Lượt người', '']))).toBe(
      'Không cộng các số liệu có đơn vị tính khác nhau (Người, Lượt người, không ghi).',
    );
  });

  it('an indicator that does not aggregate says so', () => {
    expect(aggregateValues('none', [1, 2])).toEqual({
      value: null,
      reported: 2,
      refused: 'Chỉ tiêu này không tổng hợp lên toàn tỉnh.',
    });
  });
});
