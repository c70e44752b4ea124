import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

export function useForms() {
  return useQuery({ queryKey: ['forms', 'list'], queryFn: () => call('forms:list-forms', {}) });
}

export function useForm(formId: number | null) {
  return useQuery({
    queryKey: ['forms', 'detail', formId],
    queryFn: () => call('forms:get-form', { formId: formId! }),
    enabled: formId !== null,
  });
}

export function useDraftFromFile() {
  return useMutation({ mutationFn: () => call('forms:draft-from-file', {}) });
}

export function useCreateForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'forms:create-form'>) => call('forms:create-form', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['forms'] }),
  });
}

export function useSaveFormRows() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'forms:save-rows'>) => call('forms:save-rows', input),
    onSuccess: (detail) => {
      client.setQueryData(['forms', 'detail', detail.form.id], detail);
      void client.invalidateQueries({ queryKey: ['forms', 'list'] });
    },
  });
}
