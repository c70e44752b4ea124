import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ValueType } from '../../../shared/domain/forms';
import { getFormVersionRows } from '../../../db/forms/repo';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { getRoundMatrix } from '../rounds/round-matrix';
import { safeFileStem } from '../files/safe-name';
import { saveAs } from '../files/save-as';
import { appendixFromRound } from './appendix-from-round';
import { writeAppendixDocx } from './write-appendix-docx';
import { writeRoundWorkbook } from './write-round-workbook';
import { roundInterchangeValues, toAdx, toCsv } from './interchange';
import { readOfficeTemplate, renderOfficeTemplate, templateData } from './office-template';
import type { BoundaryChoice } from '../targets/figures-in-boundaries';
import type { ExportFormat } from '../../../shared/domain/appendix';

const extensions: Record<ExportFormat, string> = {
  docx: 'docx',
  'docx-template': 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  adx: 'xml',
};
const filterNames: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  'docx-template': 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (.csv)',
  adx: 'DHIS2 ADX (.xml)',
};

export interface RoundExport {
  bytes: Buffer;
  /** A file name made from the round's name folded to ASCII: nothing from the data chooses a path. */
  fileName: string;
}

/** A round's figures in one of the formats that leave the office. */
/** A round's export: its format, each unit or the total alone, and optionally the boundaries of a day. */
export type RoundExportInput = { roundId: number; format: ExportFormat; byUnit?: boolean } & BoundaryChoice;

export async function exportRound(ctx: ServiceContext, input: RoundExportInput): Promise<RoundExport> {
  const round = await getRound(ctx, input.roundId);
  const boundary: BoundaryChoice = { boundaryDate: input.boundaryDate, province: input.province };
  if (input.boundaryDate && (input.format === 'csv' || input.format === 'adx')) {
    throw new AppError(
      'invalid-input',
      'Tệp trao đổi DHIS2 (CSV, ADX) mang số liệu đúng như đơn vị đã gửi; không xuất theo địa giới của một ngày khác.',
    );
  }
  // The day of the boundaries goes first: a long round name is cut at the end of the name.
  const stem = safeFileStem(
    input.format.startsWith('docx') ? 'phu-luc' : 'so-lieu',
    input.boundaryDate ? `dia-gioi-${input.boundaryDate}` : '',
    round.name,
    input.byUnit ? 'theo-don-vi' : '',
  );
  const fileName = `${stem}.${extensions[input.format]}`;
  switch (input.format) {
    case 'docx': {
      const { table, office } = await appendixFromRound(ctx, input.roundId, {
        byUnit: input.byUnit ?? false,
        ...boundary,
      });
      return { bytes: await writeAppendixDocx(table, office), fileName };
    }
    case 'docx-template': {
      const template = await readOfficeTemplate(ctx);
      if (!template) throw new AppError('not-found', 'Chưa có mẫu Word của cơ quan; hãy chọn mẫu trong Cài đặt.');
      const { table, office } = await appendixFromRound(ctx, input.roundId, boundary);
      return { bytes: renderOfficeTemplate(template, templateData(table, office, round)), fileName };
    }
    case 'xlsx': {
      const matrix = await getRoundMatrix(ctx, input.roundId, boundary);
      const rows = await getFormVersionRows(ctx.db, round.formVersionId);
      const valueTypes = new Map<number, ValueType>(
        rows.filter((r) => r.indicatorId !== null).map((r) => [r.indicatorId!, r.valueType]),
      );
      const subtitle = `${round.periodLabel}; số liệu tính đến ngày ${round.cutoffDate.split('-').reverse().join('/')}${matrix.boundaryNote ? `. ${matrix.boundaryNote}` : ''}`;
      return {
        bytes: await writeRoundWorkbook({ title: round.name.toLocaleUpperCase('vi'), subtitle, matrix, valueTypes }),
        fileName,
      };
    }
    case 'csv':
      return { bytes: toCsv((await roundInterchangeValues(ctx.db, input.roundId)).values), fileName };
    case 'adx': {
      const { values, periodCode } = await roundInterchangeValues(ctx.db, input.roundId);
      return { bytes: toAdx(values, periodCode, `BM${round.formId}`, ctx.clock().toISOString()), fileName };
    }
  }
}

/** Writes an export where the command line was told to, refusing to overwrite a folder. */
export async function exportRoundTo(ctx: ServiceContext, input: RoundExportInput, out: string): Promise<string> {
  const result = await exportRound(ctx, input);
  const target = outputPath(out, result.fileName);
  fs.writeFileSync(target, result.bytes);
  return target;
}

/** The command line's --out: a folder gets the export's own file name inside it; anything else is the file. */
export function outputPath(out: string, fileName: string): string {
  return fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, fileName) : out;
}

/** Asks where to save (the app), then writes; null when the user cancels. */
export async function saveRoundExport(ctx: ServiceContext, input: RoundExportInput): Promise<string | null> {
  const result = await exportRound(ctx, input);
  return saveAs(
    ctx,
    {
      title: 'Lưu số liệu của đợt báo cáo',
      defaultName: result.fileName,
      filterName: filterNames[input.format],
      extension: extensions[input.format],
      madeByApp: true,
    },
    result.bytes,
  );
}
