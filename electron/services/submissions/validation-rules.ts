import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { RuleIndicator, RuleOperator, RuleSide, ValidationRule } from '../../../shared/domain/validation-rules';
import { getFormVersionRows, latestVersionId } from '../../../db/forms/repo';
import type { ServiceContext } from '../context';
import { recheckSubmission } from './check-submission';

type Db = Kysely<Database> | Transaction<Database>;

export async function listValidationRules(db: Db, formId: number): Promise<ValidationRule[]> {
  const rows = await db.selectFrom('validation_rule').selectAll().where('form_id', '=', formId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    formId: r.form_id,
    name: r.name,
    left: JSON.parse(r.left_side) as RuleSide,
    operator: r.operator as RuleOperator,
    right: JSON.parse(r.right_side) as RuleSide,
    importance: r.importance as 'error' | 'warning',
  }));
}

export interface NewValidationRule {
  formId: number;
  name: string;
  left: RuleSide;
  operator: RuleOperator;
  right: RuleSide;
  importance: 'error' | 'warning';
}

/** Submissions whose findings a change to the form's rules alters. */
async function recheckForm(db: Db, formId: number): Promise<void> {
  const subs = await db
    .selectFrom('submission as s')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .select('s.id')
    .where('v.form_id', '=', formId)
    .where('s.status', '!=', 'expected')
    .execute();
  for (const s of subs) await recheckSubmission(db, s.id);
}

/**
 * Adds one of the office's rules to a form, after checking that every indicator it names belongs to
 * the form, and re-checks the form's submissions so the new rule's findings show at once.
 */
export async function createValidationRule(ctx: ServiceContext, rule: NewValidationRule): Promise<ValidationRule> {
  const ids = [...rule.left.terms, ...rule.right.terms].map((t) => t.indicatorId);
  if (ids.length === 0) throw new AppError('invalid-input', 'Quy tắc cần ít nhất một chỉ tiêu ở một trong hai vế.');
  return ctx.db.transaction().execute(async (trx) => {
    const form = await trx.selectFrom('form').select('id').where('id', '=', rule.formId).executeTakeFirst();
    if (!form) throw new AppError('not-found', `Không có biểu mẫu số ${rule.formId}.`);
    const known = await trx
      .selectFrom('form_row as r')
      .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
      .select('r.indicator_id')
      .where('v.form_id', '=', rule.formId)
      .where('r.indicator_id', 'in', ids)
      .execute();
    const knownIds = new Set(known.map((k) => k.indicator_id));
    const unknown = ids.filter((i) => !knownIds.has(i));
    if (unknown.length > 0) throw new AppError('invalid-input', `Quy tắc nhắc đến chỉ tiêu không thuộc biểu mẫu này (mã ${unknown.join(', ')}).`);
    const id = (
      await trx
        .insertInto('validation_rule')
        .values({
          form_id: rule.formId,
          name: rule.name,
          left_side: JSON.stringify(rule.left),
          operator: rule.operator,
          right_side: JSON.stringify(rule.right),
          importance: rule.importance,
          created_at: ctx.clock().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await recheckForm(trx, rule.formId);
    return { id, ...rule };
  });
}

export async function deleteValidationRule(ctx: ServiceContext, ruleId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const rule = await trx.selectFrom('validation_rule').select(['id', 'form_id']).where('id', '=', ruleId).executeTakeFirst();
    if (!rule) throw new AppError('not-found', `Không có quy tắc số ${ruleId}.`);
    await trx.deleteFrom('validation_rule').where('id', '=', ruleId).execute();
    await recheckForm(trx, rule.form_id);
  });
}

/** A form's rules with the indicators they may name, for the rules screen. */
export async function getFormRules(ctx: ServiceContext, formId: number): Promise<{ rules: ValidationRule[]; indicators: RuleIndicator[] }> {
  const versionId = await latestVersionId(ctx.db, formId);
  if (versionId === null) throw new AppError('not-found', `Không có biểu mẫu số ${formId}.`);
  const rows = await getFormVersionRows(ctx.db, versionId);
  return {
    rules: await listValidationRules(ctx.db, formId),
    indicators: rows.filter((r) => r.valueRow && r.indicatorId !== null).map((r) => ({ indicatorId: r.indicatorId!, row: r.row, numbering: r.numbering, text: r.text, unit: r.unit })),
  };
}
