import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { listFormSummaries } from '../../db/forms/repo';
import type { ServiceContext } from '../services/context';
import { draftFormFromBytes, MAX_FORM_FILE_BYTES } from '../services/forms/import-form';
import { createFormFromEdited, getFormDetail, saveFormRows } from '../services/forms/edit-form';
import { readFileWithinLimit } from '../services/files/limits';
import { linkIndicator } from '../services/rounds/compare-rounds';
import { createValidationRule, deleteValidationRule, getFormRules } from '../services/forms/validation-rules';
import type { FeatureHandlers } from './types';

/** Files the user chose for a form, kept until the draft is saved so the original can be stored. */
const MAX_PENDING_DRAFTS = 5;

export function formsHandlers(ctx: ServiceContext): FeatureHandlers<'forms'> {
  const drafts = new Map<string, { fileName: string; bytes: Uint8Array }>();
  return {
    'forms:list-forms': () => listFormSummaries(ctx.db),
    'forms:get-form': (input) => getFormDetail(ctx, input.formId),
    'forms:draft-from-file': async () => {
      const filePath = await ctx.platform.chooseFile({
        title: 'Chọn phụ lục (biểu mẫu) để nhập',
        filters: [{ name: 'Phụ lục Word hoặc Excel', extensions: ['docx', 'xlsx', 'xls'] }],
      });
      if (filePath === null) return null;
      const fileName = path.basename(filePath);
      const bytes = readFileWithinLimit(filePath, MAX_FORM_FILE_BYTES);
      const draft = await draftFormFromBytes(fileName, bytes);
      const draftId = crypto.randomUUID();
      drafts.set(draftId, { fileName, bytes });
      while (drafts.size > MAX_PENDING_DRAFTS) drafts.delete(drafts.keys().next().value!);
      return { ...draft, draftId };
    },
    'forms:create-form': async (input) => {
      const original = input.draftId ? drafts.get(input.draftId) : undefined;
      if (input.draftId && !original)
        throw new AppError('not-found', 'Bản xem trước đã hết hạn; hãy chọn lại tệp phụ lục.');
      const detail = await createFormFromEdited(ctx, {
        name: input.name,
        rows: input.rows,
        ...(original ? { original } : {}),
      });
      if (input.draftId) drafts.delete(input.draftId);
      return detail;
    },
    'forms:save-rows': (input) => saveFormRows(ctx, input.formId, input.rows),
    'forms:list-rules': (input) => getFormRules(ctx, input.formId),
    'forms:create-rule': (input) => createValidationRule(ctx, input),
    'forms:delete-rule': async (input) => {
      await deleteValidationRule(ctx, input.ruleId);
      return null;
    },
    'forms:link-indicator': async (input) => {
      await linkIndicator(ctx, input);
      return null;
    },
  };
}
