/**
 * Numbers and dates in the vi-VN style: 1.234.567,5 and 23/11/2026.
 */
const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** An integer as vi-VN writes it ("1.234.567", "-1.250"), as Intl does but without its cost on hot paths. */
function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3)
    out = digits.slice(Math.max(0, end - 3), end) + (out ? `.${out}` : '');
  return value < 0 ? `-${out}` : out;
}

export function formatNumber(value: number | null | undefined, fractionDigits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (fractionDigits !== undefined) {
    return new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value);
  }
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return groupThousands(value);
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

/**
 * Parses number text as Vietnamese offices write it: "." groups thousands, "," marks decimals.
 * "1.250" → 1250, "12,5" → 12.5, "1.234.567,89" → 1234567.89, "-3" → -3, " 7 " → 7.
 * Returns null when the text is not a number in that style ("1,2,3", "12a", "").
 */
export function parseViNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (!/^[-+]?\d{1,3}(\.\d{3})*(,\d+)?$|^[-+]?\d+(,\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date text (YYYY-MM-DD, or a full timestamp) → dd/mm/yyyy. Empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A stored UTC timestamp as the office reads it, in Vietnam's time: "23/11/2026 15:04". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + 7 * 3_600_000); // Vietnam keeps UTC+7 all year
  return `${pad2(local.getUTCDate())}/${pad2(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** "ngày 05 tháng 01 năm 2026", the wording of the place-and-date line of an official document. */
export function formatDateWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = Number(m[2]);
  // Decree 30/2020: days under 10 and months 1-2 take a leading zero.
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${m[1]}`;
}

/** dd/mm/yyyy (or d/m/yyyy) → ISO YYYY-MM-DD, null when not a real calendar date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  return isIsoDate(iso) ? iso : null;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
