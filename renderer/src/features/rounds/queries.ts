import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import { targetKeys } from '../targets/queries';

/** Reporting rounds: who is expected, the matrix, comparison, frozen totals, the appendix. */
export const roundKeys = {
  all: ['rounds'] as const,
  list: () => [...roundKeys.all, 'list'] as const,
  submissions: (roundId: number | null) => [...roundKeys.all, roundId, 'submissions'] as const,
  matrix: (roundId: number, boundaryDate: string | null) =>
    [...roundKeys.all, roundId, 'matrix', boundaryDate] as const,
  snapshots: (roundId: number) => [...roundKeys.all, roundId, 'snapshots'] as const,
  appendix: (roundId: number, byUnit: boolean) => [...roundKeys.all, roundId, 'appendix', byUnit] as const,
  compare: (input: InputOf<'rounds:compare'>) => [...roundKeys.all, 'compare', input] as const,
};

export function useRounds() {
  return useQuery({ queryKey: roundKeys.list(), queryFn: () => call('rounds:list-rounds', {}) });
}

export function useSubmissions(roundId: number | null) {
  return useQuery({
    queryKey: roundKeys.submissions(roundId),
    queryFn: () => call('rounds:list-submissions', { roundId: roundId! }),
    enabled: roundId !== null,
  });
}

/** A new round: the rounds, and the overview's open rounds. */
export function useCreateRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'rounds:create-round'>) => call('rounds:create-round', input),
    onSuccess: () => invalidate(roundKeys.all, targetKeys.all),
  });
}

export function useExportTemplates() {
  return useMutation({ mutationFn: (roundId: number) => call('rounds:export-templates', { roundId }) });
}

/** The round's indicators × units; in the units of a day when one is given (read-only then). */
export function useRoundMatrix(roundId: number, boundaryDate: string | null) {
  return useQuery({
    queryKey: roundKeys.matrix(roundId, boundaryDate),
    queryFn: () => call('rounds:get-matrix', { roundId, ...(boundaryDate ? { boundaryDate } : {}) }),
  });
}

export function useSnapshots(roundId: number) {
  return useQuery({
    queryKey: roundKeys.snapshots(roundId),
    queryFn: () => call('rounds:list-snapshots', { roundId }),
  });
}

export function useFreezeRound(roundId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (note: string) => call('rounds:freeze', { roundId, note }),
    onSuccess: () => invalidate(roundKeys.snapshots(roundId)),
  });
}

export function useExportRound() {
  return useMutation({ mutationFn: (input: InputOf<'rounds:export'>) => call('rounds:export', input) });
}

/** The appendix as it will print (with the office's details in its header). */
export function useAppendix(roundId: number, byUnit: boolean) {
  return useQuery({
    queryKey: roundKeys.appendix(roundId, byUnit),
    queryFn: () => call('rounds:get-appendix', { roundId, byUnit }),
  });
}

export function useCompareRounds(input: InputOf<'rounds:compare'> | null) {
  return useQuery({
    queryKey: roundKeys.compare(input ?? { roundIds: [] }),
    queryFn: () => call('rounds:compare', input!),
    enabled: input !== null,
  });
}
