import type { Aggregation } from './forms';

/**
 * How the province's figure of one indicator is made from its units' figures. Across units:
 * sum adds, average takes the mean of those reported, count-yes counts the units answering "Có",
 * last (a stock such as "cơ sở hiện có") adds each unit's latest figure, as DHIS2 does across
 * organisation units. Blanks are not reported and count for nothing; a total of no reported figure
 * is blank, not zero.
 */
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

/**
 * The province's figure from its units' figures of one indicator (blanks are nulls), in one pass with
 * nothing allocated: the matrix and the targets make thousands of these at a time. The figures are of
 * one unit of measure: a row of a form has one; figures kept in different ones are refused before
 * (mixedUnitsRefusal).
 */
export function aggregateValues(rule: Aggregation, nums: Iterable<number | null>): Aggregate {
  let reported = 0;
  let sum = 0;
  let yes = 0;
  for (const n of nums) {
    if (n === null) continue;
    reported++;
    sum += n;
    if (n === 1) yes++;
  }
  if (reported === 0) return { value: null, reported: 0, refused: null };
  switch (rule) {
    case 'sum':
    case 'last':
      return { value: roundTotal(sum), reported, refused: null };
    case 'average':
      return { value: roundTotal(sum / reported), reported, refused: null };
    case 'count-yes':
      return { value: yes, reported, refused: null };
    case 'none':
      return { value: null, reported, refused: 'Chỉ tiêu này không tổng hợp lên toàn tỉnh.' };
  }
}

/** Why figures kept in different units of measure (a blank one is "không ghi") are not added. */
export function mixedUnitsRefusal(units: Iterable<string>): string {
  return `Không cộng các số liệu có đơn vị tính khác nhau (${[...units].map((u) => u || 'không ghi').join(', ')}).`;
}
