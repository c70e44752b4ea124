import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  ImportedXmlComponent,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import {
  appendixParts,
  documentText,
  isLandscape,
  type AppendixPart,
  type AppendixTable,
} from '../../../shared/domain/appendix';
import type { OfficeProfile } from '../../../shared/domain/office';
import { formatFigure } from '../../../shared/domain/cell-value';
import { formatDateWords } from '../../../shared/text/format-vi';

/**
 * Page set-up of Nghị định 30/2020/NĐ-CP, Phụ lục I, in twips: A4; top and bottom 20 mm, left 30 mm,
 * right 15 mm. Font sizes are in half-points.
 */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } as const;
const FONT = 'Times New Roman';
const SIZE = { body: 26, table: 24, tableWide: 20, recipients: 22, label: 28 } as const;

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const FONT_SIZE = SIZE;
export const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
} as const;
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const gridBorders = { top: thin, bottom: thin, left: thin, right: thin } as const;

/** A paragraph of one run in Times New Roman, centred unless told otherwise. */
export function para(
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    underline?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    after?: number;
    indent?: number;
    pageBreakBefore?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    spacing: { before: 0, after: o.after ?? 0 },
    ...(o.indent ? { indent: { left: o.indent } } : {}),
    children: [
      new TextRun({
        text,
        bold: o.bold ?? false,
        italics: o.italics ?? false,
        ...(o.underline ? { underline: {} } : {}),
        size: o.size ?? SIZE.body,
        font: FONT,
      }),
    ],
  });
}

/**
 * Two columns without borders, the layout of a document's header and of its signatures; the left
 * column `leftWidth` wide. A signature row is kept on one page.
 */
export function twoColumns(
  contentWidth: number,
  leftWidth: number,
  left: Paragraph[],
  right: Paragraph[],
  o: { keepTogether?: boolean } = {},
): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: noBorders });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, contentWidth - leftWidth],
    borders: noBorders,
    rows: [
      new TableRow({
        ...(o.keepTogether ? { cantSplit: true } : {}),
        children: [cell(left, leftWidth), cell(right, contentWidth - leftWidth)],
      }),
    ],
  });
}

/** The signing authority, the signer's title (or `fallbackTitle`), room to sign, and the signer's name. */
export function signerParagraphs(office: OfficeProfile, fallbackTitle: string): Paragraph[] {
  return [
    ...(office.signAuthority ? [para(office.signAuthority, { bold: true })] : []),
    para(office.signerTitle || fallbackTitle, { bold: true }),
    para(''),
    para(''),
    para(''),
    para(office.signerName, { bold: true }),
  ];
}

/** "- Lưu: VT, SYT.", the last line of "Nơi nhận". */
export function filedLine(office: OfficeProfile): string {
  return `- Lưu: VT${office.symbol ? `, ${office.symbol}` : ''}.`;
}

/** The two-column header: the bodies on the left (and the document's number), the national title and motto on the right. */
export function documentHeader(
  office: OfficeProfile,
  contentWidth: number,
  dateLine: string | null,
  numberLine: string | null = null,
): Table {
  return twoColumns(
    contentWidth,
    Math.round(contentWidth * 0.4),
    [
      para(office.parentBody || documentText.missing, { size: SIZE.table }),
      para(office.officeName || documentText.missing, { bold: true, size: SIZE.table, underline: true }),
      ...(numberLine ? [para(numberLine, { size: SIZE.body, after: 120 })] : []),
    ],
    [
      para(documentText.nationalTitle, { bold: true, size: SIZE.table }),
      para(documentText.motto, { bold: true, underline: true }),
      ...(dateLine ? [para(dateLine, { italics: true, after: 120 })] : []),
    ],
  );
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const alignCode = (a: Align) => (a === AlignmentType.CENTER ? 'C' : a === AlignmentType.RIGHT ? 'R' : 'L');
const tableSizes = [SIZE.table, SIZE.tableWide] as const;

/** The paragraph style of a table cell's text: alignment, bold, italic and size (in half-points). */
function cellStyleId(align: Align, bold: boolean, italics: boolean, size: number): string {
  return `Tbl${alignCode(align)}${bold ? 'b' : ''}${italics ? 'i' : ''}${size}`;
}

/**
 * The paragraph styles table cells are written with, to be given to every document with such tables:
 * a cell names its style instead of repeating its font, size, alignment and weight, so a 170-unit
 * appendix is a fraction of the XML and is written in a fraction of the time.
 */
export const tableParagraphStyles = tableSizes.flatMap((size) =>
  [AlignmentType.LEFT, AlignmentType.CENTER, AlignmentType.RIGHT].flatMap((alignment) =>
    [false, true].flatMap((bold) =>
      [false, true].map((italics) => ({
        id: cellStyleId(alignment, bold, italics, size),
        name: cellStyleId(alignment, bold, italics, size),
        run: { font: FONT, size, bold, italics },
        paragraph: { alignment, spacing: { before: 0, after: 0 } },
      })),
    ),
  ),
);

const GRID_STYLE = 'FiguresGrid';

/**
 * The table style of every gridTable: its cells centred vertically, said once for the table instead of
 * once per cell (a 170-unit appendix has 17,000 cells). Borders, margins and widths stay the table's own.
 */
const gridTableStyle = () =>
  ImportedXmlComponent.fromXmlString(
    `<w:style w:type="table" w:styleId="${GRID_STYLE}"><w:name w:val="Figures Grid"/><w:uiPriority w:val="59"/>` +
      '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>',
  );

/** Every document's styles: the body's font and size, the table cells' paragraph styles and the grid's table style. */
export const documentStyles = (): IStylesOptions => ({
  default: { document: { run: { font: FONT, size: SIZE.body } } },
  paragraphStyles: tableParagraphStyles,
  importedStyles: [gridTableStyle()],
});

/**
 * A table with a thin grid: the borders and the cells' margins are the table's, the widths its grid's
 * (fixed layout), so each cell carries only its text's style.
 */
export function gridTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    style: GRID_STYLE,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...gridBorders, insideHorizontal: thin, insideVertical: thin },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows,
  });
}

/** A cell of a gridTable; its width comes from the table's grid. */
export function tableCell(
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    align?: Align;
    indent?: number;
    shade?: boolean;
    size?: number;
    /** Written bottom to top (a narrow column's header, so its words stay whole). */
    vertical?: boolean;
  } = {},
): TableCell {
  return new TableCell({
    ...(o.vertical ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT } : {}),
    ...(o.shade ? { shading: { fill: 'F2F2F2' } } : {}),
    children: [
      new Paragraph({
        style: cellStyleId(o.align ?? AlignmentType.LEFT, o.bold ?? false, o.italics ?? false, o.size ?? SIZE.table),
        ...(o.indent ? { indent: { left: o.indent } } : {}),
        children: text ? [new TextRun(text)] : [],
      }),
    ],
  });
}

/** A cell's left and right margins (tableCell), in twips. */
const CELL_MARGINS = 160;

/**
 * About how wide a text is set in bold Times New Roman at a size in half-points, in twips: capitals and
 * wide letters count more than narrow ones. Enough to tell whether a word fits a column.
 */
function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    if (/[MWmw]/.test(ch)) ems += 0.9;
    else if (/\p{Lu}/u.test(ch)) ems += 0.72;
    else if (/[ilIjtf.,;:'|!()\s-]/.test(ch)) ems += 0.3;
    else ems += 0.52;
  }
  return Math.ceil(ems * size * 10);
}

function longestWordWidth(text: string, size: number): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size)));
}

/** A part's figures table: STT, Nội dung, Đơn vị tính and its value columns; the header row repeats on every page. */
function figuresTable(table: AppendixPart, contentWidth: number): Table {
  const stt = 700;
  const unit = 1500;
  const n = table.columns.length;
  // The content keeps 40% of the width while value columns can be 12-26 mm; with many units they narrow further.
  const minContent = Math.round(contentWidth * 0.4);
  let valueWidth = Math.max(700, Math.min(1500, Math.floor((contentWidth - stt - unit - minContent) / n)));
  if (contentWidth - stt - unit - valueWidth * n < 2500)
    valueWidth = Math.floor((contentWidth - stt - unit - 2500) / n);
  const content = contentWidth - stt - unit - valueWidth * n;
  const size = n > 6 ? SIZE.tableWide : SIZE.table;
  // A figure is never broken across lines ("50.00" over "2"): the value columns share their width by
  // what their longest figure needs (the province's total, in bold, is the widest), the rest evenly;
  // when even that does not fit, they stay even. Each figure is set once; a column's need is the width
  // of its longest text (figures are digits and separators, of even width).
  const texts = table.rows.map((r) => r.values.map((v) => formatFigure(v, 'decimal')));
  const needs = table.columns.map((_, c) => {
    let longest = '';
    for (const row of texts) if (row[c]!.length > longest.length) longest = row[c]!;
    return CELL_MARGINS + textWidth(longest, size);
  });
  const needed = needs.reduce((a, b) => a + b, 0);
  const valueWidths =
    needed <= valueWidth * n && needs.some((w) => w > valueWidth)
      ? needs.map((w, c) => w + Math.floor((valueWidth * n - needed) / n) + (c < (valueWidth * n - needed) % n ? 1 : 0))
      : needs.map(() => valueWidth);
  const widths = [stt, content, unit, ...valueWidths];
  // A unit's name must not break inside a word ("Thàn-h phố"): when a value column is too narrow for
  // the longest word of its header, the value headers are written bottom to top in a taller row.
  const vertical = table.columns.some((c, i) => longestWordWidth(c, size) > valueWidths[i]! - CELL_MARGINS);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(vertical
      ? {
          height: {
            value: Math.min(
              4200,
              Math.ceil(Math.max(...table.columns.map((c) => textWidth(c, size))) * 1.15) + 2 * CELL_MARGINS,
            ),
            rule: HeightRule.ATLEAST,
          },
        }
      : {}),
    children: [...documentText.tableHeads, ...table.columns].map((h, i) =>
      tableCell(h, {
        bold: true,
        align: AlignmentType.CENTER,
        shade: true,
        size,
        vertical: vertical && i >= 3,
      }),
    ),
  });
  const rows = table.rows.map(
    (r, n) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell(r.numbering ?? '', {
            align: AlignmentType.CENTER,
            bold: r.heading && !r.italic,
            italics: r.italic,
            size,
          }),
          tableCell(r.text, {
            bold: r.heading && !r.italic,
            italics: r.italic,
            indent: Math.min(r.level, 4) * 170,
            size,
          }),
          tableCell(r.unit ?? '', { align: AlignmentType.CENTER, italics: r.italic, size }),
          ...texts[n]!.map((text, i) =>
            tableCell(text, {
              align: AlignmentType.RIGHT,
              italics: r.italic,
              bold: table.totalLast && i === r.values.length - 1,
              size,
            }),
          ),
        ],
      }),
  );
  return gridTable(widths, [header, ...rows]);
}

/** NGƯỜI LẬP BIỂU on the left, the signing authority on the right; then "Nơi nhận". */
function signatureBlock(office: OfficeProfile, contentWidth: number, recipients: string[]): (Table | Paragraph)[] {
  return [
    para('', { after: 240 }),
    twoColumns(
      contentWidth,
      Math.round(contentWidth / 2),
      [
        para(documentText.preparer, { bold: true }),
        para(''),
        para(''),
        para(''),
        para(''),
        para(office.preparerName, { bold: true }),
      ],
      signerParagraphs(office, documentText.defaultSignerTitle),
      { keepTogether: true },
    ),
    para('Nơi nhận:', { bold: true, italics: true, size: 24, align: AlignmentType.LEFT }),
    ...[...recipients.map((r) => `- ${r};`), filedLine(office)].map((line) =>
      para(line, { size: SIZE.recipients, align: AlignmentType.LEFT }),
    ),
  ];
}

export interface AppendixDocxOptions {
  /** ISO date for the date line; none leaves the line out (the report carries it). */
  date?: string;
  recipients?: string[];
}

/**
 * Writes a statistical appendix as a .docx in the form of Nghị định 30/2020: A4 (landscape when the
 * table has many value columns), the Decree's margins, Times New Roman, the two-column header,
 * "PHỤ LỤC" with title and caption, the table with its header row repeated on every page, "Trong
 * đó" rows italic and indented, page numbers centred at the top from page 2, and the signatures. An
 * appendix with more unit columns than a page holds prints as several tables (appendixParts).
 */
export async function writeAppendixDocx(
  table: AppendixTable,
  office: OfficeProfile,
  options: AppendixDocxOptions = {},
): Promise<Buffer> {
  const doc = new Document({
    creator: office.officeName || 'Thường trực PCMD',
    title: `${table.label} ${table.title}`,
    styles: documentStyles(),
    sections: [appendixSection(table, office, options)],
  });
  return Packer.toBuffer(doc);
}

/** The page numbers, centred at the top, on every page but a section's first. */
export function pageNumberHeaders() {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.body, font: FONT })],
        }),
      ],
    }),
    first: new Header({ children: [] }),
  };
}

/** A4 in the Decree's margins, portrait or landscape, first page without a number. */
export function pageProperties(landscape: boolean) {
  return {
    titlePage: true,
    page: {
      // docx swaps width and height itself for a landscape section.
      size: {
        width: A4.width,
        height: A4.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: MARGINS,
    },
  };
}

/** The appendix as one section, so a report can carry it after its own pages. */
export function appendixSection(
  table: AppendixTable,
  office: OfficeProfile,
  options: AppendixDocxOptions = {},
): ISectionOptions {
  const landscape = isLandscape(table);
  const page = landscape ? { width: A4.height, height: A4.width } : A4;
  const contentWidth = page.width - MARGINS.left - MARGINS.right;
  const dateLine = options.date ? `${office.place || '…'}, ${formatDateWords(options.date)}` : null;
  return {
    properties: pageProperties(landscape),
    headers: pageNumberHeaders(),
    children: [
      documentHeader(office, contentWidth, dateLine),
      para('', { after: 200 }),
      para(table.label, { bold: true, size: SIZE.label }),
      para(table.title, { bold: true, size: SIZE.body }),
      para(table.caption, { italics: true }),
      para('________', { after: 200 }),
      ...appendixParts(table).flatMap((part, k) => [
        ...(part.heading
          ? [
              para(part.heading, {
                bold: true,
                italics: true,
                align: AlignmentType.LEFT,
                after: 120,
                pageBreakBefore: k > 0,
              }),
            ]
          : []),
        figuresTable(part, contentWidth),
      ]),
      ...(table.note ? [para(`Ghi chú: ${table.note}`, { italics: true, align: AlignmentType.LEFT, after: 120 })] : []),
      ...signatureBlock(office, contentWidth, options.recipients ?? ['Như trên']),
    ],
  };
}
