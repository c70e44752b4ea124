import type { Aggregation } from './forms';

/**
 * How the province's figure of one indicator is made from its units' figures. Across units:
 * sum adds, average takes the mean of those reported, count-yes counts the units answering "Có",
 * last (a stock such as "cơ sở hiện có") adds each unit's latest figure, as DHIS2 does across
 * organisation units. Blanks are not reported and count for nothing; a total of no reported figure
 * is blank, not zero.
 */
export interface MeasuredValue {
  num: number | null;
  measureUnit: string | null;
}

export interface Aggregate {
  value: number | null;
  /** How many units' figures went into it. */
  reported: number;
  /** Why there is no figure although units reported, in Vietnamese. */
  refused: string | null;
}

/** Rounded so a total made in SQL and one made here agree to the digit shown. */
export function roundTotal(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function aggregateValues(rule: Aggregation, values: readonly MeasuredValue[]): Aggregate {
  const reported = values.filter((v) => v.num !== null);
  if (reported.length === 0) return { value: null, reported: 0, refused: null };
  const units = new Set(reported.map((v) => v.measureUnit ?? ''));
  if (units.size > 1) {
    return {
      value: null,
      reported: reported.length,
      refused: `Không cộng các số liệu có đơn vị tính khác nhau (${[...units].map((u) => u || 'không ghi').join(', ')}).`,
    };
  }
  const nums = reported.map((v) => v.num!);
  switch (rule) {
    case 'sum':
    case 'last':
      return { value: roundTotal(nums.reduce((a, b) => a + b, 0)), reported: nums.length, refused: null };
    case 'average':
      return { value: roundTotal(nums.reduce((a, b) => a + b, 0) / nums.length), reported: nums.length, refused: null };
    case 'count-yes':
      return { value: nums.filter((n) => n === 1).length, reported: nums.length, refused: null };
    case 'none':
      return { value: null, reported: nums.length, refused: 'Chỉ tiêu này không tổng hợp lên toàn tỉnh.' };
  }
}
