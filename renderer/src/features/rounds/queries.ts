import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

export function useRounds() {
  return useQuery({ queryKey: ['rounds', 'list'], queryFn: () => call('rounds:list-rounds', {}) });
}

export function useSubmissions(roundId: number | null) {
  return useQuery({
    queryKey: ['rounds', 'submissions', roundId],
    queryFn: () => call('rounds:list-submissions', { roundId: roundId! }),
    enabled: roundId !== null,
  });
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'rounds:create-round'>) => call('rounds:create-round', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rounds'] }),
  });
}

export function useExportTemplates() {
  return useMutation({ mutationFn: (roundId: number) => call('rounds:export-templates', { roundId }) });
}
