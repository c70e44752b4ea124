/** A statistical appendix as documents print it: a titled table of a form's rows with one or more value columns. */
export interface AppendixRow {
  numbering: string | null;
  text: string;
  unit: string | null;
  level: number;
  /** A heading (no figures): bold. */
  heading: boolean;
  /** A "Trong đó" label or item: italic, as forms print them. */
  italic: boolean;
  values: (number | string | null)[];
}

export interface AppendixTable {
  /** "PHỤ LỤC" or "PHỤ LỤC I". */
  label: string;
  /** Upper-case title under the label. */
  title: string;
  /** The line under the title: "(Kèm theo Báo cáo số …/BC-SYT ngày … của Sở Y tế)". */
  caption: string;
  /** Headers of the value columns: "Số lượng", or one per unit and "Toàn tỉnh". */
  columns: string[];
  rows: AppendixRow[];
  /** Said under the table: the figures were read in the boundaries of a day, and what was re-mapped. */
  note?: string;
}

/** "Trong đó:" labels and their "+"/"*" items are italic in the forms; so they are in the appendix. */
export function isItalicRow(r: { text: string; numbering: string | null }): boolean {
  return /^trong đó/i.test(r.text.trim()) || r.numbering === '+' || r.numbering === '*';
}

/** A form's row as the appendix prints it: headings bold and without figures, "Trong đó" items italic. */
export function appendixRow(
  r: { numbering: string | null; text: string; unit: string | null; level: number; valueRow: boolean },
  values: (number | string | null)[],
): AppendixRow {
  return {
    numbering: r.numbering,
    text: r.text,
    unit: r.unit,
    level: r.level,
    heading: !r.valueRow,
    italic: isItalicRow(r),
    values: r.valueRow ? values : values.map(() => null),
  };
}

/** Portrait holds STT, content, unit and up to this many value columns; more turn the page landscape. */
export const PORTRAIT_VALUE_COLUMNS = 2;

/** A table with many value columns prints on landscape pages (Word and the print preview alike). */
export function isLandscape(table: AppendixTable): boolean {
  return table.columns.length > PORTRAIT_VALUE_COLUMNS;
}

/**
 * The most value columns one page-wide table holds: on landscape A4 in the Decree's margins, 14 columns
 * of 12 mm beside STT, the content and the unit (13 districts and the province print in one table).
 */
export const MAX_VALUE_COLUMNS = 14;

/** One page-wide table of an appendix: the rows with some of its value columns. */
export interface AppendixPart {
  /** "Phần 2/13: Xã Ba Tơ – Xã Ba Vì", when the appendix is split; null when it is one table. */
  heading: string | null;
  columns: string[];
  rows: AppendixRow[];
  /** Its last column is the province's total (printed bold). */
  totalLast: boolean;
}

/**
 * An appendix as it prints: one table, or, when it has more value columns than a page holds (a column
 * per commune: 38 to 168 of them since 2025), several tables of the same rows, each with an even share
 * of the columns in order, the province's total last in the last one; each part is headed with the units
 * it holds, and starts on a page of its own.
 */
export function appendixParts(table: AppendixTable): AppendixPart[] {
  const n = table.columns.length;
  const withTotal = n > 1;
  if (n <= MAX_VALUE_COLUMNS)
    return [{ heading: null, columns: table.columns, rows: table.rows, totalLast: withTotal }];
  const count = Math.ceil(n / MAX_VALUE_COLUMNS);
  const parts: AppendixPart[] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.round((k * n) / count);
    const to = Math.round(((k + 1) * n) / count);
    const columns = table.columns.slice(from, to);
    parts.push({
      heading: `Phần ${k + 1}/${count}: ${columns[0]} – ${columns.at(-1)}`,
      columns,
      rows: table.rows.map((r) => ({ ...r, values: r.values.slice(from, to) })),
      totalLast: withTotal && k === count - 1,
    });
  }
  return parts;
}

/** The placeholders an office's own Word template can use (docxtemplater), as the settings screen lists them. */
export const templatePlaceholders = [
  '{parentBody} {officeName} {officeNameInText} {symbol} {place} {dateLine}',
  '{label} {title} {caption} {roundName} {periodLabel}',
  '{signAuthority} {signerTitle} {signerName} {preparerName}',
  'Bảng: một dòng chứa {#rows}{numbering} · {text} · {unit} · {value}{/rows} được lặp cho mỗi dòng của biểu',
];

/** What a round exports to: the Word appendix (built in or the office's template), an Excel workbook, CSV, ADX. */
export const exportFormats = ['docx', 'docx-template', 'xlsx', 'csv', 'adx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The words every document the office signs carries (Decree 30/2020), the same in Word, Excel and the preview. */
export const documentText = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  tableHeads: ['STT', 'Nội dung', 'Đơn vị tính'],
  preparer: 'NGƯỜI LẬP BIỂU',
  defaultSignerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
  /** Where the office has not filled its details in yet. */
  missing: '…',
} as const;
