import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import { roundKeys } from '../rounds/queries';
import { submissionKeys } from '../submissions/queries';
import { targetKeys } from '../targets/queries';

/** Report forms, their validation rules and links between indicators across forms. */
export const formKeys = {
  all: ['forms'] as const,
  list: () => [...formKeys.all, 'list'] as const,
  detail: (formId: number | null) => [...formKeys.all, 'detail', formId] as const,
  rules: (formId: number | null) => [...formKeys.all, 'rules', formId] as const,
};

export function useForms() {
  return useQuery({ queryKey: formKeys.list(), queryFn: () => call('forms:list-forms', {}) });
}

export function useForm(formId: number | null) {
  return useQuery({
    queryKey: formKeys.detail(formId),
    queryFn: () => call('forms:get-form', { formId: formId! }),
    enabled: formId !== null,
  });
}

export function useDraftFromFile() {
  return useMutation({ mutationFn: () => call('forms:draft-from-file', {}) });
}

/** A form's rows are what rounds, sheets and indicators are laid on. */
const formTouches = [formKeys.all, roundKeys.all, submissionKeys.all, targetKeys.all];

export function useCreateForm() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'forms:create-form'>) => call('forms:create-form', input),
    onSuccess: () => invalidate(...formTouches),
  });
}

export function useSaveFormRows() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'forms:save-rows'>) => call('forms:save-rows', input),
    onSuccess: () => invalidate(...formTouches),
  });
}

/** A form's rules and the indicators they can name (formId null: nothing asked). */
export function useFormRules(formId: number | null) {
  return useQuery({
    queryKey: formKeys.rules(formId),
    queryFn: () => call('forms:list-rules', { formId: formId! }),
    enabled: formId !== null,
  });
}

/** A rule changes the checks of every submission on the form. */
export function useCreateRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'forms:create-rule'>) => call('forms:create-rule', input),
    onSuccess: () => invalidate(formKeys.all, submissionKeys.all, roundKeys.all),
  });
}

export function useDeleteRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (ruleId: number) => call('forms:delete-rule', { ruleId }),
    onSuccess: () => invalidate(formKeys.all, submissionKeys.all, roundKeys.all),
  });
}

/** Links an indicator to one it continues: comparisons, trends and targets read across the link. */
export function useLinkIndicator() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'forms:link-indicator'>) => call('forms:link-indicator', input),
    onSuccess: () => invalidate(formKeys.all, roundKeys.all, targetKeys.all),
  });
}
