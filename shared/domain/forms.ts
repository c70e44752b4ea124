/** Report forms: an ordered tree of headings and indicator rows. */
export const valueTypes = ['integer', 'decimal', 'percent', 'yes-no', 'text'] as const;
export type ValueType = (typeof valueTypes)[number];

export const valueTypeLabels: Record<ValueType, string> = {
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  percent: 'Tỷ lệ %',
  'yes-no': 'Có/Không',
  text: 'Chữ',
};

export const aggregations = ['sum', 'last', 'average', 'count-yes', 'none'] as const;
export type Aggregation = (typeof aggregations)[number];

export const aggregationLabels: Record<Aggregation, string> = {
  sum: 'Cộng',
  last: 'Giá trị cuối',
  average: 'Trung bình',
  'count-yes': 'Đếm "Có"',
  none: 'Không tổng hợp',
};

/** What a row's "Trong đó" items obey: each at most the row, or together equal to it. */
export const childRules = ['none', 'each-le-parent', 'sum-eq-parent'] as const;
export type ChildRule = (typeof childRules)[number];

export const childRuleLabels: Record<ChildRule, string> = {
  none: 'Không kiểm tra',
  'each-le-parent': 'Mỗi dòng con ≤ dòng này',
  'sum-eq-parent': 'Tổng dòng con = dòng này',
};

/** What every view of a form's rows shows of a row: its place, numbering, text, unit of measure and depth. */
export interface FormRowView {
  /** 1-based position in the form. */
  row: number;
  numbering: string | null;
  text: string;
  unit: string | null;
  level: number;
  valueRow: boolean;
}

/** One row of a form as detected from a file or as stored, before or after saving. */
export interface FormRowDraft extends FormRowView {
  /** The parent's position, or null at the top. */
  parentRow: number | null;
  valueType: ValueType;
  aggregation: Aggregation;
  /** The rule for this row's same-unit "Trong đó" items; 'none' for a row without any. */
  childRule: ChildRule;
  /** Why the row was read the way it was, when that was a guess the user should check. */
  notes: string[];
  /** The stable key of a stored row (templates carry it); absent for a new row. */
  rowKey?: string;
}

/** A row as the form editor sends it: the tree is the order plus each row's level. */
export interface EditedFormRow {
  rowKey?: string;
  numbering: string | null;
  text: string;
  unit: string | null;
  level: number;
  valueRow: boolean;
  valueType: ValueType;
  childRule?: ChildRule;
}

export interface FormDetail {
  form: FormSummary;
  /** True when a round using the latest version already holds figures: saving then makes a new version. */
  versionHasData: boolean;
  rows: FormRowDraft[];
}

/**
 * Settles each row's child rule: a value row with value children in the same unit keeps the rule
 * asked for (each ≤ parent when none was asked); any other row has nothing to check.
 */
export function settleChildRules<
  T extends { row: number; parentRow: number | null; valueRow: boolean; unit: string | null; childRule?: ChildRule },
>(rows: T[]): (T & { childRule: ChildRule })[] {
  const hasSameUnitChildren = new Set<number>();
  for (const r of rows) {
    const parent = r.parentRow === null ? undefined : rows[r.parentRow - 1];
    if (parent && r.valueRow && parent.valueRow && parent.unit === r.unit) hasSameUnitChildren.add(parent.row);
  }
  return rows.map((r) => ({
    ...r,
    childRule: hasSameUnitChildren.has(r.row) ? (r.childRule ?? 'each-le-parent') : 'none',
  }));
}

/** Parents from levels: each row's parent is the nearest row above it with a smaller level. */
export function parentsFromLevels<T extends { level: number }>(
  rows: T[],
): (T & { row: number; parentRow: number | null })[] {
  const out: (T & { row: number; parentRow: number | null })[] = [];
  const stack: { level: number; row: number }[] = [];
  rows.forEach((r, i) => {
    const level = Math.max(0, Math.min(r.level, (stack.at(-1)?.level ?? -1) + 1));
    while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
    out.push({ ...r, level, row: i + 1, parentRow: stack.at(-1)?.row ?? null });
    stack.push({ level, row: i + 1 });
  });
  return out;
}

export interface FormDraft {
  fileName: string;
  /** A name for the form: its title as the file states it, else the file's name. */
  suggestedName: string;
  /** Which table of the file the rows came from, in words ("Bảng 2", "trang tính Biểu 1"). */
  tableName: string;
  columns: { content: string; unit: string | null; value: string | null; numbering: string | null };
  rows: FormRowDraft[];
}

export interface FormSummary {
  id: number;
  name: string;
  latestVersion: number;
  latestVersionId: number;
  rows: number;
  valueRows: number;
  createdAt: string;
}

/** Lines that stand above a form's table but are not its title. */
const notTitle =
  /^(phu luc|bieu( so| mau)? ?\d*$|\(?kem theo|so:|ngay |don vi bao cao|don vi nhan|cong hoa|doc lap|([a-z]|[ivx]+|\d+)[.)] )/;

/** Words kept in capitals in a title written in capitals: bodies' initials. */
const initialisms = new Set(['ubnd', 'hđnd', 'mttq', 'lđtbxh', 'bch', 'ttg']);

/**
 * An ALL-CAPS title in sentence case, keeping what must stay capital: symbols and numbers
 * ("361/QĐ-TTG"), bodies' initials (UBND), and the place after "tỉnh"/"thành phố" ("tỉnh Lào Cai").
 */
function sentenceCase(line: string): string {
  const words = line.split(' ');
  let capitalizeNext = 0;
  return words
    .map((w, i) => {
      const lower = w.toLocaleLowerCase('vi');
      let out = lower;
      if (/[\d/]/.test(w) || initialisms.has(lower.replace(/[^\p{L}]/gu, ''))) out = w;
      else if (i === 0 || capitalizeNext > 0) out = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
      capitalizeNext =
        lower === 'tỉnh' || (lower === 'phố' && words[i - 1]?.toLocaleLowerCase('vi') === 'thành')
          ? 2
          : Math.max(0, capitalizeNext - 1);
      if (/[,.;:]$/.test(w)) capitalizeNext = 0;
      return out;
    })
    .join(' ');
}

/**
 * The form's name as the file states it: the last line above its table that reads as a title
 * ("BIỂU TỔNG HỢP SỐ LIỆU PHÒNG, CHỐNG MẠI DÂM NĂM 2025"), in sentence case; null when none.
 */
export function pickFormTitle(lines: readonly string[], fold: (text: string) => string): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.replace(/\s+/g, ' ').trim();
    if (line.length < 10 || line.length > 300 || notTitle.test(fold(line))) continue;
    const letters = line.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
    return allCaps ? sentenceCase(line) : line;
  }
  return null;
}
