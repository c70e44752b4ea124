import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, fixLegacyText, tcvn3ToUnicode, vniToUnicode } from './legacy-encodings';

/** All 67 lower-case Vietnamese letters that carry a mark or are ă â ê ô ơ ư đ. */
const letters = 'àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ';

/** The TCVN3 byte of each letter, in the same order, as the standard's table gives it. */
const tcvn3Bytes = [
  0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xae, 0xcc,
  0xce, 0xcf, 0xd0, 0xd1, 0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde, 0xdf, 0xe1, 0xe2, 0xe3,
  0xe4, 0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xac, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xf1, 0xf2, 0xf3, 0xf4, 0xad,
  0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe,
];

/** Each letter as VNI writes it: base letter and mark characters. */
const vniSpellings = [
  'aø',
  'aû',
  'aõ',
  'aù',
  'aï',
  'aê',
  'aè',
  'aú',
  'aü',
  'aé',
  'aë',
  'aâ',
  'aà',
  'aå',
  'aã',
  'aá',
  'aä',
  'ñ',
  'eø',
  'eû',
  'eõ',
  'eù',
  'eï',
  'eâ',
  'eà',
  'eå',
  'eã',
  'eá',
  'eä',
  'ì',
  'æ',
  'ó',
  'í',
  'ò',
  'oø',
  'oû',
  'oõ',
  'où',
  'oï',
  'oâ',
  'oà',
  'oå',
  'oã',
  'oá',
  'oä',
  'ô',
  'ôø',
  'ôû',
  'ôõ',
  'ôù',
  'ôï',
  'uø',
  'uû',
  'uõ',
  'uù',
  'uï',
  'ö',
  'öø',
  'öû',
  'öõ',
  'öù',
  'öï',
  'yø',
  'yû',
  'yõ',
  'yù',
  'yî',
];

describe('TCVN3', () => {
  it('has every letter, each from its own byte', () => {
    expect([...letters]).toHaveLength(67);
    expect(new Set(tcvn3Bytes).size).toBe(67);
    const encoded = String.fromCharCode(...tcvn3Bytes);
    expect(tcvn3ToUnicode(encoded)).toBe(letters);
  });
  it('has the single capitals and leaves ASCII alone', () => {
    expect(tcvn3ToUnicode('\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7')).toBe('ĂÂÊÔƠƯĐ');
    expect(tcvn3ToUnicode('Tong 123 (abc)')).toBe('Tong 123 (abc)');
  });
  it.each([
    ['Tæng sè c¬ së', 'Tổng số cơ sở'],
    ['ViÖt Nam', 'Việt Nam'],
    ['§µ N½ng', 'Đà Nẵng'],
    ['Thµnh phè Hå ChÝ Minh', 'Thành phố Hồ Chí Minh'],
    ['Sè ng\u00adêi b¸n d©m', 'Số người bán dâm'],
  ])('%s → %s', (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
  });
  it('writes runs of an ".…H" font as capitals', () => {
    expect(tcvn3ToUnicode('uû ban nh©n d©n huyÖn b¸t x¸t', true)).toBe('UỶ BAN NHÂN DÂN HUYỆN BÁT XÁT');
  });
});

describe('VNI', () => {
  it('has every letter', () => {
    expect(vniSpellings).toHaveLength(67);
    expect(vniSpellings.map((s) => vniToUnicode(s)).join('')).toBe(letters);
  });
  it('has the capitals', () => {
    expect(vniToUnicode('AÊ AÂ EÂ OÂ Ô Ö Ñ AÙ OÅ ÖÏ YÎ')).toBe('Ă Â Ê Ô Ơ Ư Đ Á Ổ Ự Ỵ');
  });
  it.each([
    ['Coäng hoøa', 'Cộng hòa'],
    ['Vieät Nam', 'Việt Nam'],
    ['Ñaø Naüng', 'Đà Nẵng'],
    ['Thaønh phoá Hoà Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Soá ngöôøi baùn daâm', 'Số người bán dâm'],
  ])('%s → %s', (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
  });
});

describe('detectLegacyEncoding', () => {
  it.each([
    ['Tæng sè c¬ së kinh doanh dÞch vô', 'tcvn3'],
    ['Sè ng\u00adêi b¸n d©m ®\u00adîc hç trî', 'tcvn3'],
    ['Toång soá cô sôû kinh doanh dòch vuï', 'vni'],
    ['Soá ngöôøi baùn daâm ñöôïc hoã trôï', 'vni'],
    ['Tổng số cơ sở kinh doanh dịch vụ', null],
    ['Số người bán dâm', null],
    ['Café résumé à la carte', null],
    ['Total number of businesses', null],
    ['12', null],
  ])('%s → %s', (text, encoding) => {
    expect(detectLegacyEncoding(text)).toBe(encoding);
  });
  it('fixes legacy text and leaves Unicode text untouched', () => {
    expect(fixLegacyText('Tæng sè c¬ së')).toBe('Tổng số cơ sở');
    expect(fixLegacyText('Toång soá cô sôû')).toBe('Tổng số cơ sở');
    expect(fixLegacyText('Tổng số cơ sở')).toBe('Tổng số cơ sở');
  });
});
