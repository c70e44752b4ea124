import { describe, expect, it } from 'vitest';
import { parsePeriod, periodInSentence } from './periods';

describe('parsePeriod', () => {
  it.each([
    ['2025', 'year', '2025-01-01', '2025-12-31', 'Năm 2025'],
    ['2025-H1', 'half-year', '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['2025-h2', 'half-year', '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025'],
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30', 'Quý III năm 2025'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31', 'Quý I năm 2024'],
    ['2025-9M', 'nine-months', '2025-01-01', '2025-09-30', '9 tháng năm 2025'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'Tháng 2 năm 2024'],
    ['2016-2020', 'multi-year', '2016-01-01', '2020-12-31', 'Giai đoạn 2016-2020'],
  ])('%s', (code, kind, start, end, label) => {
    expect(parsePeriod(code)).toMatchObject({ kind, start, end, label });
  });
  it.each(['', '25', '2025-Q5', '2025-13', '2020-2016', '2025-H3', 'năm 2025', '3025'])('rejects %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });
});

describe('periodInSentence', () => {
  it('names a period as a sentence does, a span as a "giai đoạn"', () => {
    expect(['2025', '2016-2020', '2025-Q3', '2025-H1', 'x'].map(periodInSentence)).toEqual([
      'năm 2025',
      'giai đoạn 2016-2020',
      'quý III năm 2025',
      '6 tháng đầu năm 2025',
      'x',
    ]);
  });
});
