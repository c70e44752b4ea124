import { describe, expect, it } from 'vitest';
import { appendixParts, appendixRow, MAX_VALUE_COLUMNS, type AppendixTable } from './appendix';

/** An appendix of two rows (a heading and a figure row) with a column per unit and the province's total. */
function table(units: number): AppendixTable {
  const columns = [...Array.from({ length: units }, (_, i) => `Xã ${i + 1}`), 'Toàn tỉnh'];
  return {
    label: 'PHỤ LỤC',
    title: 'SỐ LIỆU',
    caption: '',
    columns,
    rows: [
      appendixRow(
        { numbering: 'I', text: 'Phòng ngừa', unit: null, level: 0, valueRow: false },
        columns.map(() => 1),
      ),
      appendixRow(
        { numbering: '1', text: 'Số cơ sở', unit: 'Cơ sở', level: 1, valueRow: true },
        columns.map((_, c) => c),
      ),
    ],
  };
}

describe('appendixParts', () => {
  it('keeps an appendix that fits a page as one table, its last column the total', () => {
    const t = table(13);
    expect(appendixParts(t)).toEqual([{ heading: null, columns: t.columns, rows: t.rows, totalLast: true }]);
    const single = { ...t, columns: ['Số lượng'], rows: t.rows.map((r) => ({ ...r, values: r.values.slice(0, 1) })) };
    expect(appendixParts(single)[0]!.totalLast).toBe(false);
  });

  it('splits a column per commune into page-wide tables: every column once and in order, the total last in the last', () => {
    const t = table(170);
    const parts = appendixParts(t);
    expect(parts).toHaveLength(13);
    for (const p of parts) {
      expect(p.columns.length).toBeLessThanOrEqual(MAX_VALUE_COLUMNS);
      expect(p.columns.length).toBeGreaterThanOrEqual(13);
    }
    expect(parts.flatMap((p) => p.columns)).toEqual(t.columns);
    // Each part's figures are its own columns' figures, row by row; a heading row stays without figures.
    expect(parts.flatMap((p) => p.rows[1]!.values)).toEqual(t.rows[1]!.values);
    expect(parts.every((p) => p.rows[0]!.values.every((v) => v === null))).toBe(true);
    expect(parts.map((p) => p.totalLast)).toEqual([...Array.from({ length: 12 }, () => false), true]);
    expect(parts[0]!.heading).toBe(`Phần 1/13: Xã 1 – ${parts[0]!.columns.at(-1)}`);
    expect(parts[12]!.heading).toMatch(/^Phần 13\/13: Xã \d+ – Toàn tỉnh$/);
  });
});
