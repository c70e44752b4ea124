import { describe, expect, it } from 'vitest';
import { cleanText, compareVi, foldText, matchesQuery } from './fold';

describe('foldText', () => {
  it.each([
    ['Huyện Đức Phổ', 'huyen duc pho'],
    ['ĐỨC PHỔ', 'duc pho'],
    ['Hòa Bình', 'hoa binh'],
    ['Hoà Bình', 'hoa binh'], // old tone placement
    ['Thuỷ', 'thuy'],
    ['Thủy', 'thuy'],
    ['Ho\u0300a', 'hoa'], // combining mark from a keyboard
    ['  Sở   Y   tế  ', 'so y te'],
    ['Ưu tiên Ơn', 'uu tien on'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('matchesQuery', () => {
  it('finds words in any order, ignoring diacritics and case', () => {
    const key = foldText('534 Thị xã Đức Phổ');
    expect(matchesQuery(key, 'duc pho')).toBe(true);
    expect(matchesQuery(key, 'PHỔ thị')).toBe(true);
    expect(matchesQuery(key, '534')).toBe(true);
    expect(matchesQuery(key, 'mo duc')).toBe(false);
  });
});

describe('compareVi', () => {
  it('orders Vietnamese letters as a Vietnamese reader expects', () => {
    const words = ['Đức', 'Dương', 'Ân', 'Anh', 'Ơn', 'Ôn', 'On', 'Ưng', 'Uyên'];
    expect([...words].sort(compareVi)).toEqual(['Anh', 'Ân', 'Dương', 'Đức', 'On', 'Ôn', 'Ơn', 'Uyên', 'Ưng']);
  });
  it('compares numbers inside codes as numbers', () => {
    expect(['10', '9', '100'].sort(compareVi)).toEqual(['9', '10', '100']);
  });
});

describe('cleanText', () => {
  it('normalises to NFC, drops control characters and collapses spaces', () => {
    expect(cleanText(' Ho\u0300a\u0007  Bình\u00a0 ')).toBe('Hòa Bình');
  });
});
