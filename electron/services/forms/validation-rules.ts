import type { Db } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { RuleIndicator, ValidationRule } from '../../../shared/domain/validation-rules';
import { formExists, getFormVersionRows, indicatorsOfForm, latestVersionId } from '../../../db/forms/repo';
import { listAnsweredSubmissionIds } from '../../../db/submissions/repo';
import type { ServiceContext } from '../context';
import { recheckSubmission } from '../submissions/check-submission';
import {
  deleteValidationRule as deleteRule,
  findRuleForm,
  insertValidationRule,
  listValidationRules,
  type NewValidationRule,
} from '../../../db/forms/rules-repo';

export type { NewValidationRule };

/** Submissions whose findings a change to the form's rules alters. */
async function recheckForm(db: Db, formId: number): Promise<void> {
  for (const s of await listAnsweredSubmissionIds(db, formId)) await recheckSubmission(db, s);
}

/**
 * Adds one of the office's rules to a form, after checking that every indicator it names belongs to
 * the form, and re-checks the form's submissions so the new rule's findings show at once.
 */
export async function createValidationRule(ctx: ServiceContext, rule: NewValidationRule): Promise<ValidationRule> {
  const ids = [...rule.left.terms, ...rule.right.terms].map((t) => t.indicatorId);
  if (ids.length === 0) throw new AppError('invalid-input', 'Quy tắc cần ít nhất một chỉ tiêu ở một trong hai vế.');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await formExists(trx, rule.formId))) throw new AppError('not-found', `Không có biểu mẫu số ${rule.formId}.`);
    const knownIds = await indicatorsOfForm(trx, rule.formId, ids);
    const unknown = ids.filter((i) => !knownIds.has(i));
    if (unknown.length > 0)
      throw new AppError(
        'invalid-input',
        `Quy tắc nhắc đến chỉ tiêu không thuộc biểu mẫu này (mã ${unknown.join(', ')}).`,
      );
    const id = await insertValidationRule(trx, rule, ctx.clock().toISOString());
    await recheckForm(trx, rule.formId);
    return { id, ...rule };
  });
}

export async function deleteValidationRule(ctx: ServiceContext, ruleId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const formId = await findRuleForm(trx, ruleId);
    if (formId === undefined) throw new AppError('not-found', `Không có quy tắc số ${ruleId}.`);
    await deleteRule(trx, ruleId);
    await recheckForm(trx, formId);
  });
}

/** A form's rules with the indicators they may name, for the rules screen. */
export async function getFormRules(
  ctx: ServiceContext,
  formId: number,
): Promise<{ rules: ValidationRule[]; indicators: RuleIndicator[] }> {
  const versionId = await latestVersionId(ctx.db, formId);
  if (versionId === null) throw new AppError('not-found', `Không có biểu mẫu số ${formId}.`);
  const rows = await getFormVersionRows(ctx.db, versionId);
  return {
    rules: await listValidationRules(ctx.db, formId),
    indicators: rows
      .filter((r) => r.valueRow && r.indicatorId !== null)
      .map((r) => ({ indicatorId: r.indicatorId!, row: r.row, numbering: r.numbering, text: r.text, unit: r.unit })),
  };
}
