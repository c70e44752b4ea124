import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { FormDraft, FormRowDraft } from '../../../shared/domain/forms';
import {
  getFormVersionRows,
  insertForm,
  insertFormVersion,
  insertFormVersionRows,
  type StoredFormRow,
} from '../../../db/forms/repo';
import type { ServiceContext } from '../context';
import { MB, readFileWithinLimit } from '../files/limits';
import { parseInWorker } from '../inbox/parse-pool';
import { keepOriginal } from '../files/file-store';
import { buildFormTree } from './build-form-tree';
import { detectFormTable } from './detect-form-table';

export const MAX_FORM_FILE_BYTES = 20 * MB;

/** Reads a file and proposes the form it holds, for the user to check before saving. */
export async function draftFormFromBytes(fileName: string, bytes: Uint8Array): Promise<FormDraft> {
  const detected = detectFormTable(fileName, await parseInWorker('formTables', { fileName, bytes }, fileName));
  return {
    fileName,
    suggestedName: detected.title ?? path.basename(fileName, path.extname(fileName)),
    tableName: detected.table.name,
    columns: detected.columns,
    rows: buildFormTree(detected.rows),
  };
}

/** Checks a draft the user may have edited: positions in order, parents before children, units on value rows. */
export function checkDraftRows(rows: FormRowDraft[]): void {
  const problems: { where: string; message: string }[] = [];
  rows.forEach((r, i) => {
    const where = `dòng ${i + 1}`;
    if (r.row !== i + 1) problems.push({ where, message: `số thứ tự ${r.row} không liên tục` });
    if (r.parentRow !== null && (r.parentRow < 1 || r.parentRow >= r.row))
      problems.push({ where, message: 'dòng cha phải nằm phía trên' });
    if (r.text.trim() === '') problems.push({ where, message: 'thiếu nội dung' });
  });
  if (rows.length === 0) problems.push({ where: 'biểu mẫu', message: 'không có dòng nào' });
  if (problems.length > 0) {
    throw new AppError(
      'invalid-input',
      `Biểu mẫu chưa lưu được: ${problems
        .slice(0, 3)
        .map((p) => `${p.where}: ${p.message}`)
        .join('; ')}.`,
      problems,
    );
  }
}

/** Saves a confirmed draft as a new form (version 1), in one transaction, keeping the original file. */
export async function saveNewForm(
  ctx: ServiceContext,
  input: { name: string; rows: FormRowDraft[]; original?: { fileName: string; bytes: Uint8Array } },
): Promise<{ id: number; versionId: number; rows: StoredFormRow[] }> {
  checkDraftRows(input.rows);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const sourceFileId = input.original
      ? await keepOriginal(trx, input.original.fileName, input.original.bytes, now)
      : null;
    const id = await insertForm(trx, input.name.trim() || 'Biểu mẫu', now);
    const versionId = await insertFormVersion(trx, id, 1, sourceFileId, now);
    await insertFormVersionRows(trx, id, versionId, input.rows, now);
    return { id, versionId, rows: await getFormVersionRows(trx, versionId) };
  });
}

/** Reads, detects and saves in one step (the command line, and tests). */
export async function importFormFile(ctx: ServiceContext, filePath: string, name?: string) {
  const fileName = path.basename(filePath);
  const bytes = readFileWithinLimit(filePath, MAX_FORM_FILE_BYTES);
  const draft = await draftFormFromBytes(fileName, bytes);
  return saveNewForm(ctx, {
    name: name ?? draft.suggestedName,
    rows: draft.rows,
    original: { fileName, bytes },
  });
}
