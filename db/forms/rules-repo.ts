import type { Db } from '../schema';
import type { RuleSide, ValidationRule } from '../../shared/domain/validation-rules';
import type { Severity } from '../../shared/domain/check-values';
import type { RuleOperator } from '../../shared/domain/validation-rules';

/** A form's own rules, oldest first. */
export async function listValidationRules(db: Db, formId: number): Promise<ValidationRule[]> {
  const rows = await db.selectFrom('validation_rule').selectAll().where('form_id', '=', formId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    formId: r.form_id,
    name: r.name,
    left: JSON.parse(r.left_side) as RuleSide,
    operator: r.operator,
    right: JSON.parse(r.right_side) as RuleSide,
    importance: r.importance,
  }));
}

export interface NewValidationRule {
  formId: number;
  name: string;
  left: RuleSide;
  operator: RuleOperator;
  right: RuleSide;
  importance: Severity;
}

export async function insertValidationRule(db: Db, rule: NewValidationRule, now: string): Promise<number> {
  const row = await db
    .insertInto('validation_rule')
    .values({
      form_id: rule.formId,
      name: rule.name,
      left_side: JSON.stringify(rule.left),
      operator: rule.operator,
      right_side: JSON.stringify(rule.right),
      importance: rule.importance,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The form a rule belongs to, or undefined when there is no such rule. */
export async function findRuleForm(db: Db, ruleId: number): Promise<number | undefined> {
  const row = await db.selectFrom('validation_rule').select('form_id').where('id', '=', ruleId).executeTakeFirst();
  return row?.form_id;
}

export async function deleteValidationRule(db: Db, ruleId: number): Promise<void> {
  await db.deleteFrom('validation_rule').where('id', '=', ruleId).execute();
}
