import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AlignmentType, Document, Packer, Table, TableCell, TableRow, WidthType } from 'docx';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { documentText, type AppendixTable } from '../../../shared/domain/appendix';
import type { OfficeProfile } from '../../../shared/domain/office';
import { formatFigure } from '../../../shared/domain/cell-value';
import { formatDateWords } from '../../../shared/text/format-vi';
import type { ServiceContext } from '../context';
import { keepOriginal, readOriginal } from '../files/file-store';
import { deleteSetting, readSetting, writeSetting } from '../../../db/settings/repo';
import { getStoredFileRecord } from '../../../db/files/repo';
import { A4, MARGINS, para, twoColumns } from './write-appendix-docx';

/** The setting that names the stored .docx the office keeps as its own appendix template. */
const TEMPLATE_KEY = 'templates.appendix-file';

/** What a template's placeholders can use. Rows loop over the table: {#rows}…{/rows} in one table row repeats it. */
export interface TemplateData extends OfficeProfile {
  label: string;
  title: string;
  caption: string;
  roundName: string;
  periodLabel: string;
  /** "Quảng Ngãi, ngày 05 tháng 01 năm 2026", or empty. */
  dateLine: string;
  rows: { numbering: string; text: string; unit: string; value: string; heading: boolean; italic: boolean }[];
}

export function templateData(
  table: AppendixTable,
  office: OfficeProfile,
  round: { name: string; periodLabel: string },
  date?: string,
): TemplateData {
  return {
    ...office,
    label: table.label,
    title: table.title,
    caption: table.caption,
    roundName: round.name,
    periodLabel: round.periodLabel,
    dateLine: date ? `${office.place || '…'}, ${formatDateWords(date)}` : '',
    rows: table.rows.map((r) => {
      const v = r.values.at(-1) ?? null;
      return {
        numbering: r.numbering ?? '',
        text: r.text,
        unit: r.unit ?? '',
        value: formatFigure(v, 'decimal'),
        heading: r.heading,
        italic: r.italic,
      };
    }),
  };
}

/** docxtemplater's own findings, as the office user should read them: which tag, what is wrong. */
function templateErrors(e: unknown): ErrorDetail[] {
  const props = (
    e as {
      properties?: {
        errors?: { properties?: { xtag?: string; explanation?: string; id?: string } }[];
        explanation?: string;
      };
    }
  ).properties;
  type TagError = { xtag?: string; explanation?: string; id?: string };
  const list: { properties?: TagError }[] = props?.errors ?? (props ? [{ properties: props }] : []);
  const says: Record<string, string> = {
    unclosed_tag: 'thẻ chưa đóng (thiếu "}")',
    unopened_tag: 'thẻ chưa mở (thiếu "{")',
    duplicate_open_tag: 'hai dấu "{" liền nhau',
    duplicate_close_tag: 'hai dấu "}" liền nhau',
    unclosed_loop: 'vòng lặp chưa đóng (thiếu {/…})',
    unopened_loop: 'đóng vòng lặp chưa mở',
    closing_tag_does_not_match_opening_tag: 'thẻ đóng không khớp thẻ mở',
    raw_xml_tag_not_in_paragraph: 'thẻ @ phải đứng riêng một đoạn',
  };
  return list.map((x) => ({
    where: x.properties?.xtag ? `thẻ {${x.properties.xtag}}` : 'mẫu',
    message: says[x.properties?.id ?? ''] ?? x.properties?.explanation ?? String(e),
  }));
}

/** Fills a template; a broken one is refused with each bad tag named. Tags the data lacks print empty. */
export function renderOfficeTemplate(template: Uint8Array, data: TemplateData): Buffer {
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      nullGetter: () => '',
      errorLogging: false,
    });
  } catch (e) {
    if ((e as { properties?: unknown }).properties === undefined)
      throw new AppError('unsupported-file', 'Tệp mẫu không phải tệp Word .docx đọc được.');
    const details = templateErrors(e);
    throw new AppError(
      'invalid-input',
      `Mẫu Word có ${details.length} chỗ sai: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}.`,
      details,
    );
  }
  try {
    doc.render(data);
  } catch (e) {
    const details = templateErrors(e);
    throw new AppError(
      'invalid-input',
      `Không điền được mẫu Word: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}.`,
      details,
    );
  }
  const zip = doc.getZip() as PizZip; // docxtemplater types its zip as any; it is the PizZip given above
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const sample: TemplateData = {
  parentBody: 'UBND TỈNH',
  officeName: 'CƠ QUAN',
  officeNameInText: 'Cơ quan',
  symbol: 'CQ',
  place: 'Tỉnh',
  signAuthority: '',
  signerTitle: 'THỦ TRƯỞNG',
  signerName: '',
  preparerName: '',
  label: 'PHỤ LỤC',
  title: 'TIÊU ĐỀ',
  caption: '(Kèm theo…)',
  roundName: 'Đợt',
  periodLabel: 'Năm',
  dateLine: '',
  rows: [{ numbering: '1', text: 'Dòng', unit: 'Người', value: '1', heading: false, italic: false }],
};

export interface OfficeTemplateInfo {
  fileName: string;
  storedAt: string;
}

export async function getOfficeTemplateInfo(ctx: ServiceContext): Promise<OfficeTemplateInfo | null> {
  const setting = await readSetting(ctx.db, TEMPLATE_KEY);
  if (setting === null) return null;
  const file = await getStoredFileRecord(ctx.db, Number(setting));
  return file ? { fileName: file.original_name, storedAt: file.stored_at } : null;
}

export async function readOfficeTemplate(ctx: ServiceContext): Promise<Uint8Array | null> {
  const setting = await readSetting(ctx.db, TEMPLATE_KEY);
  return setting !== null ? (await readOriginal(ctx.db, Number(setting))).bytes : null;
}

/** Keeps the office's template after trying it on sample figures, so a broken one is refused now, not at export. */
export async function installOfficeTemplate(
  ctx: ServiceContext,
  fileName: string,
  bytes: Uint8Array,
): Promise<OfficeTemplateInfo> {
  if (!fileName.toLowerCase().endsWith('.docx'))
    throw new AppError('unsupported-file', 'Mẫu phải là tệp Word .docx (Word 2007 trở lên).');
  renderOfficeTemplate(bytes, sample);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const fileId = await keepOriginal(trx, fileName, bytes, now);
    await writeSetting(trx, TEMPLATE_KEY, String(fileId));
  });
  return (await getOfficeTemplateInfo(ctx))!;
}

export async function removeOfficeTemplate(ctx: ServiceContext): Promise<void> {
  await deleteSetting(ctx.db, TEMPLATE_KEY);
}

/** A starting template with every placeholder in place, laid out as the built-in appendix, for the office to restyle in Word. */
export async function starterTemplate(): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [para(text, { bold, align: AlignmentType.LEFT })] });
  const width = A4.width - MARGINS.left - MARGINS.right;
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGINS } },
        children: [
          twoColumns(
            width,
            Math.round(width * 0.4),
            [para('{parentBody}'), para('{officeName}', { bold: true })],
            [
              para(documentText.nationalTitle, { bold: true }),
              para(documentText.motto, { bold: true }),
              para('{dateLine}', { italics: true }),
            ],
          ),
          para('{label}', { bold: true }),
          para('{title}', { bold: true }),
          para('{caption}', { italics: true }),
          new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: [700, width - 700 - 1500 - 1500, 1500, 1500],
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell('STT', true),
                  cell('Nội dung', true),
                  cell('Đơn vị tính', true),
                  cell('Số lượng', true),
                ],
              }),
              new TableRow({
                children: [cell('{#rows}{numbering}'), cell('{text}'), cell('{unit}'), cell('{value}{/rows}')],
              }),
            ],
          }),
          para(''),
          para('{signAuthority}', { bold: true, align: AlignmentType.RIGHT }),
          para('{signerTitle}', { bold: true, align: AlignmentType.RIGHT }),
          para(''),
          para('{signerName}', { bold: true, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
