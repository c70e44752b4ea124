import { describe, expect, it } from 'vitest';
import seed from '../demo/seed-appendix-lao-cai-142.json';
import { buildFormTree, type SourceRow } from './build-form-tree';
import { readMarker } from './numbering';

const seedRows: SourceRow[] = (seed.tableB.rows as [string, string | null][]).map(([text, unit]) => ({ text, unit }));

describe('readMarker', () => {
  it.each([
    ['I. KẾT QUẢ', 'I', 'KẾT QUẢ', 1],
    ['A. THỰC HIỆN CHỈ TIÊU', 'A', 'THỰC HIỆN CHỈ TIÊU', 2],
    ['1. Thực trạng tình hình', '1', 'Thực trạng tình hình', 3],
    ['1.1. Tình hình hoạt động', '1.1', 'Tình hình hoạt động', 4],
    ['2.1 Công tác truyền thông', '2.1', 'Công tác truyền thông', 4],
    ['3.2.1. Chi tiết', '3.2.1', 'Chi tiết', 5],
    ['a) Truyền thông', 'a', 'Truyền thông', 10],
    ['- Tổng số cơ sở', '-', 'Tổng số cơ sở', 20],
    ['– Tổng số cơ sở', '–', 'Tổng số cơ sở', 20],
    ['+ Cơ sở lưu trú', '+', 'Cơ sở lưu trú', 30],
    ['* Số tiền phạt', '*', 'Số tiền phạt', 40],
    ['Số lượt kiểm tra', null, 'Số lượt kiểm tra', 50],
    ['100 cơ sở được kiểm tra', null, '100 cơ sở được kiểm tra', 50],
  ])('%s', (input, numbering, text, rank) => {
    expect(readMarker(input)).toEqual({ numbering, text, rank, isBreakdownLabel: false });
  });
  it('reads "Trong đó:" in any case as a breakdown label', () => {
    expect(readMarker('Trong đó:').isBreakdownLabel).toBe(true);
    expect(readMarker('TRONG ĐÓ').isBreakdownLabel).toBe(true);
    expect(readMarker('Trong đó có 3 vụ').isBreakdownLabel).toBe(false);
  });
  it('takes numbering from an STT column when there is one', () => {
    expect(readMarker('Tổng số cơ sở', '1.2')).toMatchObject({ numbering: '1.2', rank: 4, text: 'Tổng số cơ sở' });
    expect(readMarker('Cơ sở lưu trú', '+')).toMatchObject({ numbering: '+', rank: 30 });
  });
});

describe('buildFormTree on the Lào Cai appendix (Kế hoạch 142/KH-UBND)', () => {
  const tree = buildFormTree(seedRows);
  const byText = (numbering: string, start: string, nth = 0) =>
    tree.filter((r) => r.numbering === numbering && r.text.startsWith(start))[nth]!;

  it('gives its 102 rows in order', () => {
    expect(tree).toHaveLength(102);
    expect(tree.map((r) => r.row)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
  });

  it('puts every "+" row under a "-" row (or, for headings without "-", under its numbered heading)', () => {
    for (const r of tree.filter((x) => x.numbering === '+')) {
      const parent = tree[r.parentRow! - 1]!;
      expect(parent.numbering, `row ${r.row} ${r.text}`).toBe('-');
    }
  });

  it('puts "-" rows under their numbered heading and headings under theirs', () => {
    const total = byText('-', 'Tổng số cơ sở kinh doanh dịch vụ');
    expect(tree[total.parentRow! - 1]).toMatchObject({ numbering: '1.1', valueRow: false });
    expect(tree[byText('1.1', 'Tình hình hoạt động').parentRow! - 1]).toMatchObject({
      numbering: '1',
      text: 'Thực trạng tình hình',
    });
    expect(byText('1', 'Thực trạng').parentRow).toBeNull();
  });

  it('keeps "Trong đó:" as a label under the row it breaks down, and its items under that row', () => {
    const total = byText('-', 'Tổng số cơ sở kinh doanh dịch vụ');
    const label = tree[total.row]!; // the next row
    expect(label).toMatchObject({ text: 'Trong đó:', valueRow: false, parentRow: total.row, unit: null });
    const lodging = byText('+', 'Cơ sở lưu trú');
    expect(lodging).toMatchObject({ parentRow: total.row, unit: 'Cơ sở', valueRow: true, level: total.level + 1 });
  });

  it('gives rows with same-unit "Trong đó" items the rule each ≤ parent, and no rule to the rest', () => {
    expect(byText('-', 'Tổng số cơ sở kinh doanh dịch vụ').childRule).toBe('each-le-parent');
    expect(byText('+', 'Cơ sở lưu trú').childRule).toBe('none');
    // "+ Số cơ sở bị phạt tiền" holds "* Số tiền phạt", but money is not comparable with a count
    expect(byText('+', 'Số cơ sở bị phạt tiền').childRule).toBe('none');
    expect(byText('2.4', 'Công tác truy tố').childRule).toBe('none');
  });

  it('puts "* Số tiền phạt" under the fined-businesses row with its own unit', () => {
    const fined = byText('+', 'Số cơ sở bị phạt tiền');
    expect(byText('*', 'Số tiền phạt')).toMatchObject({
      parentRow: fined.row,
      unit: 'Triệu đồng',
      valueType: 'decimal',
      aggregation: 'sum',
    });
  });

  it('tells identical texts apart by their parents', () => {
    const cases = tree.filter((r) => r.text === 'Số vụ');
    expect(cases).toHaveLength(3);
    const parents = cases.map((r) => tree[r.parentRow! - 1]!.text);
    expect(new Set(parents).size).toBe(3);
    expect(parents[0]).toContain('Viện Kiểm sát nhân dân khởi tố');
    for (const r of cases) expect(r).toMatchObject({ unit: 'Vụ', valueRow: true });
    for (const p of cases.map((r) => tree[r.parentRow! - 1]!)) expect(p).toMatchObject({ valueRow: false, unit: null });
  });

  it('fills a value row missing its unit from its parent and says so', () => {
    const row = byText('+', 'Qua xử phạt hành chính');
    expect(row).toMatchObject({ unit: 'Người', valueRow: true });
    expect(row.notes[0]).toContain('Không có đơn vị tính');
  });

  it('reads a numbered row with a unit as a value row', () => {
    expect(byText('2.6', 'Xã, phường, thị trấn không có')).toMatchObject({
      valueRow: true,
      unit: 'Xã, phường, thị trấn',
    });
  });

  it('has 75 value rows (74 with a unit in the table, one inheriting it), and headings without a unit', () => {
    const values = tree.filter((r) => r.valueRow);
    expect(values.every((r) => r.unit)).toBe(true);
    expect(tree.filter((r) => !r.valueRow).every((r) => r.unit === null)).toBe(true);
    expect(seedRows.filter((r) => r.unit)).toHaveLength(74);
    expect(values).toHaveLength(75);
  });
});

describe('buildFormTree on the targets table (A. THỰC HIỆN CHỈ TIÊU)', () => {
  it('reads units and types written inside the text', () => {
    const tree = buildFormTree(seed.tableA.rows.map((text) => ({ text, unit: null })));
    expect(tree.map((r) => [r.unit, r.valueType, r.aggregation])).toEqual([
      ['%', 'percent', 'average'],
      ['Có/Không', 'yes-no', 'count-yes'],
      ['Có/Không', 'yes-no', 'count-yes'],
    ]);
  });
});
