/**
 * Search keys for Vietnamese text: NFC first (some keyboards emit combining marks),
 * then strip tone and vowel marks, fold đ→d, lower-case and collapse spaces.
 * "Hòa"/"Hoà", "Thủy"/"Thuỷ", "ĐỨC PHỔ"/"duc pho" all fold to the same key.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises text that came from outside: NFC, no control characters, single spaces. */
export function cleanText(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point of this pattern
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim()
  );
}

/** True when every word of the query occurs in the folded text (order-free, diacritics ignored). */
export function matchesQuery(haystackKey: string, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  return words.every((w) => haystackKey.includes(w));
}

const viCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Vietnamese order: a < ă < â, d < đ, o < ô < ơ, u < ư; numbers inside codes compare as numbers. */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}
