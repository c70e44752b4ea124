import { foldText } from '../../../shared/text/fold';

/**
 * The numbering or marker at the start of a form row and the rank it gives the row in the tree:
 * a lower rank is a higher level. I. < A. < 1. < 1.1. < 1.1.1. < a) < - < + < * < unmarked text.
 */
export interface RowMarker {
  numbering: string | null;
  text: string;
  rank: number;
  /** "Trong đó:" lines introduce the breakdown of the row above; they hold no value. */
  isBreakdownLabel: boolean;
}

const UNMARKED_RANK = 50;

const patterns: { re: RegExp; rank: (m: RegExpExecArray) => number }[] = [
  { re: /^((?:X{0,3})(?:IX|IV|V?I{0,3}))[.)]\s+/, rank: () => 1 },
  { re: /^([A-Z])[.)]\s+/, rank: () => 2 },
  { re: /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+/, rank: (m) => 2 + m[1]!.split('.').length },
  { re: /^(\d{1,3})[.)]\s+/, rank: () => 3 },
  { re: /^([a-zđ])\)\s+/, rank: () => 10 },
  { re: /^([-–—])\s*/, rank: () => 20 },
  { re: /^(•)\s*/, rank: () => 25 },
  { re: /^(\+)\s*/, rank: () => 30 },
  { re: /^(\*)\s*/, rank: () => 40 },
];

/** Ranks for numbering written in a separate STT column ("1", "1.1", "I", "a", "-", "+"). */
function rankOfStt(stt: string): number | null {
  const s = stt.trim().replace(/[.)]$/, '');
  if (s === '') return null;
  if (/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) && s !== '') return 1;
  if (/^[A-Z]$/.test(s)) return 2;
  if (/^\d{1,3}(?:\.\d{1,3})*$/.test(s)) return 2 + s.split('.').length;
  if (/^[a-zđ]$/.test(s)) return 10;
  if (/^[-–—]$/.test(s)) return 20;
  if (s === '+') return 30;
  if (s === '*') return 40;
  return null;
}

export function readMarker(rawText: string, sttCell?: string): RowMarker {
  const text = rawText.trim();
  if (/^trong do\s*:?$/.test(foldText(text))) {
    return { numbering: null, text, rank: Number.POSITIVE_INFINITY, isBreakdownLabel: true };
  }
  if (sttCell !== undefined && sttCell.trim() !== '') {
    const rank = rankOfStt(sttCell);
    if (rank !== null) return { numbering: sttCell.trim(), text, rank, isBreakdownLabel: false };
  }
  for (const { re, rank } of patterns) {
    const m = re.exec(text);
    if (m && m[1] !== '' && m[0].length < text.length) {
      return { numbering: m[1]!, text: text.slice(m[0].length).trim(), rank: rank(m), isBreakdownLabel: false };
    }
  }
  return { numbering: null, text, rank: UNMARKED_RANK, isBreakdownLabel: false };
}
