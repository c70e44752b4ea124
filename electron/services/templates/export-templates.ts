import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RoundSummary, SubmissionEntry } from '../../../shared/domain/rounds';
import { formsLetter } from '../../../shared/domain/round-letters';
import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import type { ServiceContext } from '../context';
import { getRound, listSubmissions } from '../rounds/completeness';
import { safeFileStem } from '../files/safe-name';
import { writeUnitTemplate } from './write-unit-template';
import { templateSecret } from './identity-signature';
import { buildEmlDraft } from '../files/eml-draft';
import { rememberSaved } from '../files/saved-by-app';

export interface ExportedTemplate {
  unitCode: string;
  unitName: string;
  workbook: string;
  draft: string;
  to: string[];
}

export interface TemplateExportReport {
  roundId: number;
  folder: string;
  files: ExportedTemplate[];
}

/** A unit's template is an Excel workbook (.xlsx), attached as one to drafts and to the forms' mail. */
const TEMPLATE_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function buildDraft(round: RoundSummary, unit: SubmissionEntry, fileName: string, content: Buffer): Promise<Buffer> {
  return buildEmlDraft({
    to: unit.unitEmails.map((address) => ({ name: unit.unitName, address })),
    ...formsLetter(round, unit.unitName),
    attachments: [{ filename: fileName, content, contentType: TEMPLATE_MEDIA_TYPE }],
  });
}

/** A unit's template file name: its code, its name and the period, folded to ASCII. */
export function unitTemplateFileName(round: RoundSummary, unit: { unitCode: string; unitName: string }): string {
  return `${safeFileStem(unit.unitCode, unit.unitName, round.periodCode)}.xlsx`;
}

/** A unit's own workbook of a round and its file name (unitTemplateFileName). */
export async function unitTemplateFile(
  round: RoundSummary,
  rows: StoredFormRow[],
  unit: { unitCode: string; unitName: string },
  generatedAt: string,
  secret: string,
): Promise<{ fileName: string; content: Buffer; contentType: string }> {
  const fileName = unitTemplateFileName(round, unit);
  const content = await writeUnitTemplate(
    round,
    rows,
    { code: unit.unitCode, name: unit.unitName },
    generatedAt,
    secret,
  );
  return { fileName, content, contentType: TEMPLATE_MEDIA_TYPE };
}

/**
 * Writes one workbook and one .eml draft per expected unit of a round into `folder`. File names are
 * made from unit codes and names folded to ASCII, so nothing from the data chooses where a file goes.
 */
export async function exportRoundTemplates(
  ctx: ServiceContext,
  roundId: number,
  folder: string,
  onProgress?: (done: number, total: number) => void,
): Promise<TemplateExportReport> {
  const round = await getRound(ctx, roundId);
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const units = await listSubmissions(ctx, roundId);
  if (units.length === 0)
    throw new AppError('invalid-input', `Đợt báo cáo "${round.name}" chưa có đơn vị nào phải báo cáo.`);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('invalid-input', `Không tạo được thư mục "${folder}".`);
  }
  const generatedAt = ctx.clock().toISOString();
  const secret = await templateSecret(ctx.db);
  const files: ExportedTemplate[] = [];
  for (const [i, unit] of units.entries()) {
    const { fileName: workbookName, content } = await unitTemplateFile(round, rows, unit, generatedAt, secret);
    const stem = workbookName.replace(/\.xlsx$/, '');
    const workbook = path.join(folder, workbookName);
    const draft = path.join(folder, `${stem}.eml`);
    fs.writeFileSync(workbook, content);
    fs.writeFileSync(draft, await buildDraft(round, unit, workbookName, content));
    files.push({ unitCode: unit.unitCode, unitName: unit.unitName, workbook, draft, to: unit.unitEmails });
    onProgress?.(i + 1, units.length);
  }
  rememberSaved(ctx, folder);
  return { roundId, folder, files };
}
