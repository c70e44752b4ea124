import { describe, expect, it } from 'vitest';
import { formatFigure, readCellValue } from './cell-value';

describe('readCellValue', () => {
  it.each([
    [12, 'integer', 12, null],
    ['1.250', 'integer', 1250, null],
    ['12,5', 'decimal', 12.5, null],
    [' 7 ', 'integer', 7, null],
    ['', 'integer', null, null],
    ['-', 'integer', null, null],
    ['x', 'decimal', null, null],
    [null, 'integer', null, null],
    [0, 'integer', 0, null],
    ['85%', 'percent', 85, null],
    ['Có', 'yes-no', 1, null],
    ['không', 'yes-no', 0, null],
    [true, 'yes-no', 1, null],
  ] as const)('%j as %s → %j', (raw, type, value, problem) => {
    expect(readCellValue(raw, type)).toMatchObject({ value, problem });
  });
  it.each([
    ['mười hai', 'integer', '"mười hai" không phải là số'],
    [-3, 'integer', 'số âm'],
    [2.5, 'integer', 'cần số nguyên'],
    [120, 'percent', 'tỷ lệ lớn hơn 100%'],
    ['có lẽ', 'yes-no', '"có lẽ" không phải "Có" hoặc "Không"'],
    ['1,2,3', 'decimal', '"1,2,3" không phải là số'],
  ] as const)('%j as %s is a problem: %s', (raw, type, problem) => {
    expect(readCellValue(raw, type).problem).toBe(problem);
  });
  it('keeps text indicators as text', () => {
    expect(readCellValue(' Đã triển khai ', 'text')).toEqual({ value: null, text: 'Đã triển khai', problem: null });
  });
});

describe('formatFigure', () => {
  it.each([
    [1250, 'integer', '1.250'],
    [12.5, 'decimal', '12,5'],
    [1, 'yes-no', 'Có'],
    [0, 'yes-no', 'Không'],
    [null, 'integer', ''],
    ['ghi chú', 'text', 'ghi chú'],
  ] as const)('%s as %s is written "%s" and reads back the same', (value, type, written) => {
    expect(formatFigure(value, type)).toBe(written);
    const back = readCellValue(written === '' ? null : written, type);
    expect(back.value ?? back.text).toBe(value);
  });
});
