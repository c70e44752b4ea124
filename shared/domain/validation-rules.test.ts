import { describe, expect, it } from 'vitest';
import { brokenRules, compare, describeSide, evaluateSide, type ValidationRule } from './validation-rules';

const names = new Map([
  [1, 'Tổng số'],
  [2, 'Nữ'],
  [3, 'Nam'],
]);
const nameOf = (id: number) => names.get(id)!;
const rule = (
  operator: ValidationRule['operator'],
  importance: ValidationRule['importance'] = 'error',
): ValidationRule => ({
  id: 1,
  formId: 1,
  name: 'Tổng bằng nam cộng nữ',
  operator,
  importance,
  left: { terms: [{ indicatorId: 1, factor: 1 }], constant: 0 },
  right: {
    terms: [
      { indicatorId: 2, factor: 1 },
      { indicatorId: 3, factor: 1 },
    ],
    constant: 0,
  },
});

describe('the office’s rules', () => {
  it.each([
    ['==', 10, 10, true],
    ['==', 10, 11, false],
    ['!=', 10, 11, true],
    ['!=', 10, 10, false],
    ['<', 9, 10, true],
    ['<', 10, 10, false],
    ['<=', 10, 10, true],
    ['<=', 11, 10, false],
    ['>', 11, 10, true],
    ['>', 10, 10, false],
    ['>=', 10, 10, true],
    ['>=', 9, 10, false],
  ] as const)('%s: %d against %d holds = %s', (op, l, r, holds) => {
    expect(compare(l, op, r)).toBe(holds);
  });

  it('equality tolerates the float noise of decimal figures', () => {
    expect(compare(0.1 + 0.2, '==', 0.3)).toBe(true);
  });

  it('a side is skipped (null) when one of its indicators is not reported', () => {
    expect(
      evaluateSide(
        rule('==').right,
        new Map([
          [2, 4],
          [3, null],
        ]),
      ),
    ).toBeNull();
    expect(
      evaluateSide(
        {
          terms: [
            { indicatorId: 2, factor: 2 },
            { indicatorId: 3, factor: -1 },
          ],
          constant: 5,
        },
        new Map([
          [2, 4],
          [3, 1],
        ]),
      ),
    ).toBe(12);
  });

  it('describes sides in words with factors and constants', () => {
    expect(
      describeSide(
        {
          terms: [
            { indicatorId: 2, factor: 2 },
            { indicatorId: 3, factor: -1 },
          ],
          constant: 5,
        },
        nameOf,
      ),
    ).toBe('2 × "Nữ" − "Nam" + 5');
    expect(describeSide({ terms: [], constant: 0 }, nameOf)).toBe('0');
  });

  it('reports a broken rule with both figures, and nothing while a figure is missing', () => {
    const values = new Map([
      [1, 10],
      [2, 4],
      [3, 5],
    ]);
    expect(brokenRules([rule('==')], values, nameOf).map((b) => b.message)).toEqual([
      'Quy tắc "Tổng bằng nam cộng nữ": "Tổng số" (10) phải bằng "Nữ" + "Nam" (9).',
    ]);
    expect(brokenRules([rule('>=')], values, nameOf)).toEqual([]);
    expect(
      brokenRules(
        [rule('==')],
        new Map([
          [1, 10],
          [2, 4],
        ]),
        nameOf,
      ),
    ).toEqual([]);
  });
});
