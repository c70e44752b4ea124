import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { id } from './common-schemas';
import { childRules, valueTypes, type FormDetail, type FormDraft, type FormSummary } from '../domain/forms';
import { ruleOperators, type RuleIndicator, type ValidationRule } from '../domain/validation-rules';
import { textLimits } from '../domain/limits';

const editedRow = z
  .object({
    rowKey: z
      .string()
      .regex(/^R\d{3,6}$/)
      .optional(),
    numbering: z.string().max(20).nullable(),
    text: z.string().max(2000),
    unit: z.string().max(100).nullable(),
    level: z.number().int().min(0).max(20),
    valueRow: z.boolean(),
    valueType: z.enum(valueTypes),
    childRule: z.enum(childRules).optional(),
  })
  .strict();
const editedRows = z.array(editedRow).min(1, 'Biểu mẫu phải có ít nhất một dòng').max(2000);

const ruleSide = z
  .object({
    terms: z.array(z.object({ indicatorId: id, factor: z.number().finite().min(-1e6).max(1e6) }).strict()).max(50),
    constant: z.number().finite().min(-1e12).max(1e12),
  })
  .strict();

/** A form's name as the office gives it. */
export const formName = z.string().trim().min(1, 'Cần đặt tên biểu mẫu').max(textLimits.name);

/** Report forms (indicator trees), their validation rules and links between indicators across forms. */
export const formsContract = {
  'forms:list-forms': channel<FormSummary[]>()(noInput),
  'forms:get-form': channel<FormDetail>()(z.object({ formId: id }).strict()),
  /** Asks for an appendix file and proposes its form; null when the user cancels. */
  'forms:draft-from-file': channel<(FormDraft & { draftId: string }) | null>()(noInput),
  'forms:create-form': channel<FormDetail>()(
    z
      .object({
        name: formName,
        draftId: z.string().max(64).optional(),
        rows: editedRows,
      })
      .strict(),
  ),
  'forms:save-rows': channel<FormDetail>()(z.object({ formId: id, rows: editedRows }).strict()),
  'forms:list-rules': channel<{ rules: ValidationRule[]; indicators: RuleIndicator[] }>()(
    z.object({ formId: id }).strict(),
  ),
  'forms:create-rule': channel<ValidationRule>()(
    z
      .object({
        formId: id,
        name: z.string().trim().min(1, 'Cần đặt tên quy tắc').max(textLimits.name),
        left: ruleSide,
        operator: z.enum(ruleOperators),
        right: ruleSide,
        importance: z.enum(['error', 'warning']),
      })
      .strict(),
  ),
  'forms:delete-rule': channel<null>()(z.object({ ruleId: id }).strict()),
  /** Records that an indicator continues another (null to undo), so periods compare across forms. */
  'forms:link-indicator': channel<null>()(z.object({ indicatorId: id, sameAsId: id.nullable() }).strict()),
} satisfies FeatureContract<'forms'>;
