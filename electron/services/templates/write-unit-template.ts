import ExcelJS from 'exceljs';
import type { ValueType } from '../../../shared/domain/forms';
import type { RoundSummary } from '../../../shared/domain/rounds';
import { formatDate } from '../../../shared/text/format-vi';
import type { StoredFormRow } from '../../../db/forms/repo';
import { signIdentity } from './identity-signature';
import {
  COL,
  HEADER_ROW,
  IDENTITY_MARK,
  IDENTITY_SHEET,
  KEY_HEADER,
  NOTE_HEADER,
  TEMPLATE_SHEET,
  VALUE_HEADER,
  identityKeys,
  type TemplateIdentity,
} from './template-layout';
import { documentText } from '../../../shared/domain/appendix';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const greyFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };

function validationFor(type: ValueType): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Số liệu không hợp lệ',
  };
  switch (type) {
    case 'integer':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Nhập số nguyên không âm (ví dụ 12).',
      };
    case 'decimal':
      return {
        ...common,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Nhập số không âm (ví dụ 12,5).',
      };
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Nhập tỷ lệ từ 0 đến 100.' };
    case 'yes-no':
      return { ...common, type: 'list', formulae: ['"Có,Không"'], error: 'Chọn "Có" hoặc "Không".' };
    default:
      return null;
  }
}

const numberFormats: Partial<Record<ValueType, string>> = { integer: '#,##0', decimal: '#,##0.00', percent: '0.0' };

const TEXT_WIDTH = 62;
const UNIT_WIDTH = 16;
const LINE_HEIGHT = 16;

/**
 * Excel and LibreOffice do not grow a row to fit wrapped text written by a library, so the height is
 * set from an estimate of the wrapped lines (Times New Roman 12 pt fits about 1.1 characters per
 * unit of column width).
 */
function rowHeight(text: string, indent: number, unit: string): number {
  const lines = (s: string, width: number) => Math.max(1, Math.ceil((s.length * 1.0) / (width * 1.1)));
  return Math.max(lines(text, TEXT_WIDTH - indent * 2), lines(unit, UNIT_WIDTH)) * LINE_HEIGHT + 3;
}

export interface TemplateUnit {
  code: string;
  name: string;
}

/**
 * One unit's workbook for a round: title with the unit, period, cut-off and deadline; the form rows
 * with locked text and unlocked value cells validated by type; A4 print set-up with the header
 * repeated; and the hidden identification (round, form version, unit, a key per row) that lets a
 * returned copy be matched exactly even after rows were inserted or deleted.
 */
export function buildUnitTemplate(
  round: RoundSummary,
  rows: StoredFormRow[],
  unit: TemplateUnit,
  generatedAt: string,
  secret: string,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thường trực PCMD';
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, activeCell: `E${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: `&C&"${FONT}"&10Trang &P/&N` },
  });
  ws.columns = [
    { key: 'key', width: 8, hidden: true },
    { key: 'numbering', width: 6 },
    { key: 'text', width: TEXT_WIDTH },
    { key: 'unit', width: UNIT_WIDTH },
    { key: 'value', width: 14 },
    { key: 'note', width: 18 },
  ];
  const title = (
    r: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: ExcelJS.Alignment['horizontal'] = 'center',
  ) => {
    ws.mergeCells(r, COL.numbering, r, COL.note);
    const c = ws.getCell(r, COL.numbering);
    c.value = text;
    c.font = { name: FONT, size: 12, ...font };
    c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  title(1, `Đơn vị báo cáo: ${unit.name}`, { bold: true }, 'left');
  title(2, `BÁO CÁO SỐ LIỆU: ${round.formName.toUpperCase()}`, { bold: true, size: 13 });
  ws.getRow(2).height = 34;
  title(3, `${round.periodLabel} – số liệu tính đến ngày ${formatDate(round.cutoffDate)}`, { italic: true });
  title(
    4,
    `Hạn gửi: ${formatDate(round.deadline)}. Chỉ nhập số liệu vào cột «${VALUE_HEADER}» (và «${NOTE_HEADER}» nếu cần); không sửa, thêm hay xóa dòng.`,
    { italic: true, size: 10 },
  );
  ws.getRow(4).height = 28;

  const header = ws.getRow(HEADER_ROW);
  header.values = [KEY_HEADER, ...documentText.tableHeads, VALUE_HEADER, NOTE_HEADER];
  header.eachCell((c) => {
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
    c.fill = greyFill;
  });

  rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = [r.rowKey, r.numbering ?? '', r.text, r.unit ?? '', null, null];
    const isLabel = !r.valueRow && r.parentRow !== null && r.level > 0 && r.numbering === null;
    const italic = isLabel || r.numbering === '+' || r.numbering === '*';
    const bold = !r.valueRow && !isLabel;
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: FONT, size: 12, bold: bold && col !== COL.value, italic };
      c.border = border;
      c.alignment = {
        vertical: 'middle',
        wrapText: col === COL.text || col === COL.unit,
        horizontal: col === COL.text ? 'left' : 'center',
        indent: col === COL.text ? Math.min(r.level, 6) : 0,
      };
      c.protection = { locked: true };
    });
    row.height = rowHeight(r.text, Math.min(r.level, 6), r.unit ?? '');
    const valueCell = row.getCell(COL.value);
    const noteCell = row.getCell(COL.note);
    noteCell.protection = { locked: false };
    if (r.valueRow) {
      valueCell.protection = { locked: false };
      valueCell.alignment = { horizontal: 'right', vertical: 'middle' };
      const fmt = numberFormats[r.valueType];
      if (fmt) valueCell.numFmt = fmt;
      const v = validationFor(r.valueType);
      if (v) valueCell.dataValidation = v;
    } else {
      valueCell.fill = greyFill;
    }
  });
  const last = HEADER_ROW + rows.length;
  const sign = ws.getRow(last + 2);
  sign.getCell(COL.text).value = documentText.preparer;
  sign.getCell(COL.value).value = documentText.defaultSignerTitle;
  ws.mergeCells(last + 2, COL.value, last + 2, COL.note);
  for (const col of [COL.text, COL.value]) {
    const c = sign.getCell(col);
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center' };
  }
  ws.pageSetup.printArea = `B1:F${last + 6}`;
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const id = wb.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  const identity: TemplateIdentity = {
    mark: IDENTITY_MARK,
    roundId: round.id,
    formVersionId: round.formVersionId,
    unitCode: unit.code,
    unitName: unit.name,
    periodCode: round.periodCode,
    generatedAt,
  };
  identity.signature = signIdentity(secret, identity);
  identityKeys.forEach((k, i) => {
    id.getCell(i + 1, 1).value = k;
    id.getCell(i + 1, 2).value = typeof identity[k] === 'number' ? identity[k] : String(identity[k] ?? '');
  });
  return wb;
}

export async function writeUnitTemplate(
  round: RoundSummary,
  rows: StoredFormRow[],
  unit: TemplateUnit,
  generatedAt: string,
  secret: string,
): Promise<Buffer> {
  return Buffer.from(await buildUnitTemplate(round, rows, unit, generatedAt, secret).xlsx.writeBuffer());
}
