/**
 * Vietnamese text typed with the legacy font encodings, as it arrives once a program has read the
 * bytes as Latin-1/Windows-1252: TCVN3 (ABC; fonts .VnTime, .VnArial…) puts one precomposed letter
 * in each byte A1-FE; VNI (VNI-Times…) writes the base letter followed by separate mark characters.
 * Both are turned into Unicode (NFC) from complete tables.
 */

/** TCVN3: byte (as a Latin-1 code point) → letter. Capitals with tones do not exist in TCVN3: the
 *  ".…H" fonts draw the lower-case codes as capitals. */
const tcvn3: Record<number, string> = {
  0xa1: 'Ă',
  0xa2: 'Â',
  0xa3: 'Ê',
  0xa4: 'Ô',
  0xa5: 'Ơ',
  0xa6: 'Ư',
  0xa7: 'Đ',
  0xa8: 'ă',
  0xa9: 'â',
  0xaa: 'ê',
  0xab: 'ô',
  0xac: 'ơ',
  0xad: 'ư',
  0xae: 'đ',
  0xb5: 'à',
  0xb6: 'ả',
  0xb7: 'ã',
  0xb8: 'á',
  0xb9: 'ạ',
  0xbb: 'ằ',
  0xbc: 'ẳ',
  0xbd: 'ẵ',
  0xbe: 'ắ',
  0xc6: 'ặ',
  0xc7: 'ầ',
  0xc8: 'ẩ',
  0xc9: 'ẫ',
  0xca: 'ấ',
  0xcb: 'ậ',
  0xcc: 'è',
  0xce: 'ẻ',
  0xcf: 'ẽ',
  0xd0: 'é',
  0xd1: 'ẹ',
  0xd2: 'ề',
  0xd3: 'ể',
  0xd4: 'ễ',
  0xd5: 'ế',
  0xd6: 'ệ',
  0xd7: 'ì',
  0xd8: 'ỉ',
  0xdc: 'ĩ',
  0xdd: 'í',
  0xde: 'ị',
  0xdf: 'ò',
  0xe1: 'ỏ',
  0xe2: 'õ',
  0xe3: 'ó',
  0xe4: 'ọ',
  0xe5: 'ồ',
  0xe6: 'ổ',
  0xe7: 'ỗ',
  0xe8: 'ố',
  0xe9: 'ộ',
  0xea: 'ờ',
  0xeb: 'ở',
  0xec: 'ỡ',
  0xed: 'ớ',
  0xee: 'ợ',
  0xef: 'ù',
  0xf1: 'ủ',
  0xf2: 'ũ',
  0xf3: 'ú',
  0xf4: 'ụ',
  0xf5: 'ừ',
  0xf6: 'ử',
  0xf7: 'ữ',
  0xf8: 'ứ',
  0xf9: 'ự',
  0xfa: 'ỳ',
  0xfb: 'ỷ',
  0xfc: 'ỹ',
  0xfd: 'ý',
  0xfe: 'ỵ',
};

/** TCVN3 text → Unicode; `capitals` for runs in an ".…H" font, which show every letter as a capital. */
export function tcvn3ToUnicode(text: string, capitals = false): string {
  let out = '';
  for (const ch of text) out += tcvn3[ch.codePointAt(0)!] ?? ch;
  out = out.normalize('NFC');
  return capitals ? out.toLocaleUpperCase('vi') : out;
}

const C = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
  circ: '\u0302',
  breve: '\u0306',
  horn: '\u031b',
};

/** VNI mark characters → the combining marks they add to the letter before them. */
const vniMarks: Record<string, string> = {
  ù: C.acute,
  ø: C.grave,
  û: C.hook,
  õ: C.tilde,
  ï: C.dot,
  î: C.dot,
  â: C.circ,
  á: C.circ + C.acute,
  à: C.circ + C.grave,
  å: C.circ + C.hook,
  ã: C.circ + C.tilde,
  ä: C.circ + C.dot,
  ê: C.breve,
  é: C.breve + C.acute,
  è: C.breve + C.grave,
  ú: C.breve + C.hook,
  ü: C.breve + C.tilde,
  ë: C.breve + C.dot,
};
for (const [k, v] of Object.entries({ ...vniMarks })) vniMarks[k.toUpperCase()] = v;

/** VNI characters that are whole letters on their own (ơ and ư too, which then take marks). */
const vniLetters: Record<string, string> = {
  ñ: 'đ',
  Ñ: 'Đ',
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  Í: 'Í',
  Ì: 'Ì',
  Æ: 'Ỉ',
  Ó: 'Ĩ',
  Ò: 'Ị',
};

const vowel = /^[aeiouyAEIOUYơưƠƯ]/;

/** VNI text → Unicode: each mark character joins the vowel before it. */
export function vniToUnicode(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const mark = vniMarks[ch];
    const last = out.length - 1;
    if (mark && last >= 0 && vowel.test(out[last]!)) {
      out[last] += mark;
    } else {
      out.push(vniLetters[ch] ?? ch);
    }
  }
  return out.join('').normalize('NFC');
}

/** Letters only Unicode Vietnamese has (ă đ ơ ư and the toned letters of the Latin Extended Additional block). */
const unicodeVietnamese = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;

/** True when the text already has Unicode Vietnamese letters, so it is not legacy text. */
export function hasUnicodeVietnamese(text: string): boolean {
  unicodeVietnamese.lastIndex = 0;
  const found = unicodeVietnamese.test(text);
  unicodeVietnamese.lastIndex = 0;
  return found;
}
/** Latin-1 characters that Unicode Vietnamese also uses; any other left after converting is junk. */
const sharedLatin1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);
/** Characters a TCVN3 text cannot do without and a Unicode or French text never has. */
const tcvn3Tells =
  /[\u00a1-\u00ae\u00b5-\u00be\u00c6\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6\u00d7\u00dc\u00de\u00df\u00e6\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]/;
/** A vowel followed by a VNI mark character, or VNI's đ and ư. */
const vniTells = /[aeiouyơưAEIOUY][ùøûõïîâáàåãäêéèúüëÙØÛÕÏÎÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑöÖ]/;

export type LegacyEncoding = 'tcvn3' | 'vni';

function junk(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xa1 && c <= 0xff && !sharedLatin1.has(ch)) n++;
  }
  return n;
}

const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Syllables no Vietnamese word has: two tone marks, or a vowel next to its own marked form ("oồ"). */
function implausibleSyllables(text: string): number {
  let n = 0;
  for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
    const nfd = word.normalize('NFD');
    if ((nfd.match(tones) ?? []).length > 1) {
      n++;
      continue;
    }
    const bases = nfd.replace(/\p{M}/gu, '').toLowerCase();
    const marked = word.toLowerCase();
    for (let i = 0; i + 1 < bases.length; i++) {
      if (bases[i] === bases[i + 1] && /[aeiouy]/.test(bases[i]!) && marked[i] !== marked[i + 1]) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Tells whether a text was typed in a legacy encoding. An encoding is a candidate when the text has
 * its tell-tale characters and no Unicode Vietnamese letter; converting must then leave no stray
 * Latin-1 symbol and yield Vietnamese letters in a good share of the words; between two candidates,
 * the one whose syllables look Vietnamese wins. A French or English text
 * with an occasional "é" is never taken for one. Decide on a whole table or document, not one cell.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (text.length < 3 || hasUnicodeVietnamese(text)) return null;
  const words = text.split(/\s+/).filter(Boolean).length || 1;
  const candidates: { encoding: LegacyEncoding; junk: number; gained: number; odd: number }[] = [];
  for (const encoding of ['tcvn3', 'vni'] as const) {
    if (!(encoding === 'tcvn3' ? tcvn3Tells : vniTells).test(text)) continue;
    const converted = encoding === 'tcvn3' ? tcvn3ToUnicode(text) : vniToUnicode(text);
    const gained = (converted.match(unicodeVietnamese) ?? []).length;
    candidates.push({ encoding, junk: junk(converted), gained, odd: implausibleSyllables(converted) });
  }
  const fit = candidates
    .filter((c) => c.gained >= 2 && c.gained / words >= 0.15 && c.junk <= c.gained * 0.05)
    .sort((a, b) => a.odd - b.odd || a.junk - b.junk || b.gained - a.gained);
  return fit[0]?.encoding ?? null;
}

/** Converts the text when it reads as TCVN3 or VNI; leaves Unicode text as it is. */
export function fixLegacyText(text: string, encoding: LegacyEncoding | null = detectLegacyEncoding(text)): string {
  if (encoding === 'tcvn3') return tcvn3ToUnicode(text);
  if (encoding === 'vni') return vniToUnicode(text);
  return text;
}
