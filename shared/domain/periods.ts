/**
 * Reporting periods as the command line and the UI write them: "2025" (year), "2025-H1"/"2025-H2",
 * "2025-Q3", "2025-9M" (nine months), "2025-07" (month), "2016-2020" (a multi-year span).
 * Start and end are calendar dates; a round's data cut-off is set separately, because whether a
 * "year" runs 1/1-31/12 (statistics) or 15/12-14/12 (Nghị định 09/2019) belongs to the form or round.
 */
export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'nine-months' | 'year' | 'multi-year';

export interface Period {
  code: string;
  kind: PeriodKind;
  start: string;
  end: string;
  label: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function span(year: number, fromMonth: number, toMonth: number) {
  return { start: `${year}-${pad2(fromMonth)}-01`, end: lastDay(year, toMonth) };
}

const romanQuarter = ['I', 'II', 'III', 'IV'];

/** Reads a period code; null when it is not one. */
export function parsePeriod(code: string): Period | null {
  const c = code.trim().toUpperCase();
  let m: RegExpExecArray | null;
  const sane = (y: number) => y >= 1990 && y <= 2100;
  if ((m = /^(\d{4})$/.exec(c))) {
    const y = Number(m[1]);
    return sane(y) ? { code: c, kind: 'year', ...span(y, 1, 12), label: `Năm ${y}` } : null;
  }
  if ((m = /^(\d{4})-(\d{4})$/.exec(c))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return sane(a) && sane(b) && b > a
      ? { code: c, kind: 'multi-year', start: `${a}-01-01`, end: `${b}-12-31`, label: `Giai đoạn ${a}-${b}` }
      : null;
  }
  if ((m = /^(\d{4})-H([12])$/.exec(c))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return sane(y)
      ? {
          code: c,
          kind: 'half-year',
          ...(h === 1 ? span(y, 1, 6) : span(y, 7, 12)),
          label: `${h === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${y}`,
        }
      : null;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(c))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return sane(y)
      ? { code: c, kind: 'quarter', ...span(y, q * 3 - 2, q * 3), label: `Quý ${romanQuarter[q - 1]} năm ${y}` }
      : null;
  }
  if ((m = /^(\d{4})-9M$/.exec(c))) {
    const y = Number(m[1]);
    return sane(y) ? { code: c, kind: 'nine-months', ...span(y, 1, 9), label: `9 tháng năm ${y}` } : null;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(c))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return sane(y) && mo >= 1 && mo <= 12
      ? { code: c, kind: 'month', ...span(y, mo, mo), label: `Tháng ${mo} năm ${y}` }
      : null;
  }
  return null;
}

/** A period as a sentence names it: "năm 2025", "giai đoạn 2016-2020", "quý III năm 2025". */
export function periodInSentence(code: string): string {
  const label = parsePeriod(code)?.label ?? code;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export const periodFormatHelp =
  'năm "2025", 6 tháng "2025-H1", quý "2025-Q3", 9 tháng "2025-9M", tháng "2025-07" hoặc giai đoạn "2016-2020"';
