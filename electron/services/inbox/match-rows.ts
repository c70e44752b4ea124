import { foldText } from '../../../shared/text/fold';
import { readMarker } from '../forms/numbering';

export interface FormRowRef {
  row: number;
  text: string;
  valueRow: boolean;
}

export interface SourceRowRef {
  text: string;
  /** Whether the row holds a figure (an unmatched row with one needs a look). */
  hasValue: boolean;
}

export type MatchQuality = 'exact' | 'close' | 'weak';

export interface RowMatch {
  source: number;
  formRow: number;
  quality: MatchQuality;
  similarity: number;
}

export interface RowMatching {
  matches: RowMatch[];
  /** Source rows holding a figure that match no form row. */
  unmatched: number[];
}

const abbreviations: [RegExp, string][] = [
  [/\bpcmd\b/g, 'phong chong mai dam'],
  [/\btnxh\b/g, 'te nan xa hoi'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bcskd\b/g, 'co so kinh doanh'],
  [/\bkddv\b/g, 'kinh doanh dich vu'],
  [/\bsl\b/g, 'so luong'],
];

/** A row's text as a comparison key: numbering and markers off, diacritics and punctuation folded, abbreviations spelled out. */
export function rowKeyText(text: string): string {
  let k = foldText(readMarker(text).text);
  for (const [re, full] of abbreviations) k = k.replace(re, full);
  return k.replace(/[^a-z0-9%]+/g, ' ').trim();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice similarity of character bigrams, 0..1: tolerant of small spelling and spacing differences. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * common) / total;
}

const CLOSE = 0.9;
const WEAK = 0.75;

/**
 * Matches the rows of a unit's own table to the form's rows. Exact text (after folding) wins;
 * otherwise the most similar row, "close" from 0.9 and "weak" from 0.75, which must be reviewed.
 * The same text under different parents ("Số vụ" three times) is told apart by order: the first
 * unused candidate after the last matched row. Rows can be missing or added anywhere.
 */
export function matchRows(form: FormRowRef[], source: SourceRowRef[], formKeys?: string[]): RowMatching {
  const keys = formKeys ?? form.map((f) => rowKeyText(f.text));
  const used = new Set<number>();
  const matches: RowMatch[] = [];
  const unmatched: number[] = [];
  let cursor = -1;
  source.forEach((s, si) => {
    const key = rowKeyText(s.text);
    if (key === '') return;
    let candidates = keys.map((k, i) => (k === key && !used.has(i) ? i : -1)).filter((i) => i >= 0);
    let best = 1;
    if (candidates.length === 0) {
      const scored = keys
        .map((k, i) => ({ i, score: used.has(i) ? 0 : similarity(k, key) }))
        .filter((c) => c.score >= WEAK);
      best = Math.max(0, ...scored.map((c) => c.score));
      candidates = scored.filter((c) => c.score >= best - 0.02).map((c) => c.i);
    }
    if (candidates.length === 0) {
      if (s.hasValue) unmatched.push(si);
      return;
    }
    const chosen = candidates.find((i) => i > cursor) ?? candidates[0]!;
    used.add(chosen);
    cursor = chosen;
    matches.push({
      source: si,
      formRow: form[chosen]!.row,
      quality: best === 1 ? 'exact' : best >= CLOSE ? 'close' : 'weak',
      similarity: best,
    });
  });
  return { matches, unmatched };
}
