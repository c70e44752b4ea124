import { AppError } from '../../../shared/errors';
import {
  parentsFromLevels,
  settleChildRules,
  type EditedFormRow,
  type FormDetail,
  type FormRowDraft,
} from '../../../shared/domain/forms';
import {
  deleteFormVersionRows,
  getFormVersionRows,
  insertFormVersion,
  insertFormVersionRows,
  listFormSummaries,
  maxRowKeyNumber,
  versionHasData,
} from '../../../db/forms/repo';
import type { ServiceContext } from '../context';
import { aggregationOf } from './build-form-tree';
import { checkDraftRows, saveNewForm } from './import-form';

export type { EditedFormRow };

/**
 * Rows as the editor sends them → rows to store: parents from levels, text trimmed, units only on
 * value rows, aggregation from the type, each "Trong đó" rule settled. `keyFor` gives each row its
 * key (a stored form keeps its keys; a new one numbers them).
 */
export function editedToDraftRows(
  edited: EditedFormRow[],
  keyFor: (row: EditedFormRow) => string | undefined,
): FormRowDraft[] {
  return settleChildRules(
    parentsFromLevels(edited).map((r) => {
      const valueType = r.valueRow ? r.valueType : 'integer';
      const key = keyFor(r);
      return {
        row: r.row,
        ...(key ? { rowKey: key } : {}),
        numbering: r.numbering?.trim() || null,
        text: r.text.trim(),
        unit: r.valueRow ? r.unit?.trim() || null : null,
        parentRow: r.parentRow,
        level: r.level,
        valueRow: r.valueRow,
        valueType,
        aggregation: aggregationOf(valueType),
        ...(r.childRule ? { childRule: r.childRule } : {}),
        notes: [],
      };
    }),
  );
}

/** Saves a form the user confirmed from an import preview (keys numbered afresh), with its original file. */
export async function createFormFromEdited(
  ctx: ServiceContext,
  input: { name: string; rows: EditedFormRow[]; original?: { fileName: string; bytes: Uint8Array } },
): Promise<FormDetail> {
  const saved = await saveNewForm(ctx, {
    name: input.name,
    rows: editedToDraftRows(input.rows, () => undefined),
    ...(input.original ? { original: input.original } : {}),
  });
  return getFormDetail(ctx, saved.id);
}

export async function getFormDetail(ctx: ServiceContext, formId: number): Promise<FormDetail> {
  const form = (await listFormSummaries(ctx.db)).find((f) => f.id === formId);
  if (!form) throw new AppError('not-found', `Không có biểu mẫu số ${formId}.`);
  const rows = await getFormVersionRows(ctx.db, form.latestVersionId);
  return {
    form,
    versionHasData: await versionHasData(ctx.db, form.latestVersionId),
    rows: rows.map(({ id: _id, indicatorId: _i, ...r }) => r),
  };
}

/**
 * Saves the rows of a form as edited in the grid (order and levels give the tree). The latest
 * version is changed in place while no round on it holds figures; once one does, the edit becomes
 * a new version and old rounds keep theirs. Rows keep their keys, and their indicators while unit
 * and type are unchanged, so templates already sent still match.
 */
export async function saveFormRows(ctx: ServiceContext, formId: number, edited: EditedFormRow[]): Promise<FormDetail> {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const form = (await listFormSummaries(trx)).find((f) => f.id === formId);
    if (!form) throw new AppError('not-found', `Không có biểu mẫu số ${formId}.`);
    const current = await getFormVersionRows(trx, form.latestVersionId);
    const knownKeys = new Set(current.map((r) => r.rowKey));
    const seen = new Set<string>();
    let next = await maxRowKeyNumber(trx, formId);
    const rows = editedToDraftRows(edited, (r) => {
      // A key the form never had, or one used twice, is treated as a new row.
      const key =
        r.rowKey && knownKeys.has(r.rowKey) && !seen.has(r.rowKey) ? r.rowKey : `R${String(++next).padStart(3, '0')}`;
      seen.add(key);
      return key;
    });
    checkDraftRows(rows);
    const reuse = new Map(
      current
        .filter((r) => r.indicatorId !== null)
        .map((r) => [r.rowKey, { indicatorId: r.indicatorId!, unit: r.unit, valueType: r.valueType }]),
    );
    let versionId = form.latestVersionId;
    if (await versionHasData(trx, versionId)) {
      versionId = await insertFormVersion(trx, formId, form.latestVersion + 1, null, now);
    } else {
      await deleteFormVersionRows(trx, versionId);
    }
    await insertFormVersionRows(trx, formId, versionId, rows, now, reuse);
  });
  return getFormDetail(ctx, formId);
}
