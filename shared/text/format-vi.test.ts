import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateWords,
  formatNumber,
  isIsoDate,
  parseViDate,
  parseViNumber,
} from './format-vi';

describe('formatNumber', () => {
  it.each([
    [1234567, '1.234.567'],
    [1234.5, '1.234,5'],
    [0, '0'],
    [-12.345, '-12,35'],
    [null, ''],
  ])('%s → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('writes every integer as Intl does in vi-VN (its own fast path for integers)', () => {
    const intl = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
    const samples = [0, -0, 7, -7, 999, 1000, -1000, 123456, 1_000_000, -9_876_543_210, Number.MAX_SAFE_INTEGER];
    for (let digits = 1; digits <= 15; digits++)
      samples.push(10 ** digits - 1, -(10 ** digits), 3 * 10 ** (digits - 1) + 7);
    for (const n of samples) expect(formatNumber(n), String(n)).toBe(intl.format(n));
  });
});

describe('parseViNumber', () => {
  it.each([
    ['1.250', 1250],
    ['12,5', 12.5],
    ['1.234.567,89', 1234567.89],
    ['7', 7],
    [' 1 250 ', 1250],
    ['-3', -3],
    ['1250', 1250],
  ])('%s → %s', (text, n) => {
    expect(parseViNumber(text)).toBe(n);
  });
  it.each(['', 'abc', '1,2,3', '12a', '1.25', '.5', '1.2345'])('rejects %j', (text) => {
    expect(parseViNumber(text)).toBeNull();
  });
});

describe('dates', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-11-03')).toBe('03/11/2026');
    expect(formatDate('2026-11-03T08:00:00.000Z')).toBe('03/11/2026');
    expect(formatDate(null)).toBe('');
  });
  it('writes the official date line with leading zeros for days under 10 and months 1-2', () => {
    expect(formatDateWords('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDateWords('2020-05-14')).toBe('ngày 14 tháng 5 năm 2020');
    expect(formatDateWords('2025-12-09')).toBe('ngày 09 tháng 12 năm 2025');
  });
  it('parses dd/mm/yyyy and rejects impossible dates', () => {
    expect(parseViDate('5/1/2026')).toBe('2026-01-05');
    expect(parseViDate('31/02/2026')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('formatDateTime', () => {
  it("shows a stored UTC time in Vietnam's time, across midnight", () => {
    expect(formatDateTime('2026-11-23T18:30:00.000Z')).toBe('24/11/2026 01:30');
    expect(formatDateTime('2026-01-05T02:04:00Z')).toBe('05/01/2026 09:04');
    expect(formatDateTime(null)).toBe('');
  });
});
