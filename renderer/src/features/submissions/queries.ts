import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import type { SubmissionSheet } from '../../../../shared/domain/submissions';
import { roundKeys } from '../rounds/queries';
import { targetKeys } from '../targets/queries';

/** One unit's report in a round: its sheet, provenance, history and the checks' settings. */
export const submissionKeys = {
  all: ['submissions'] as const,
  sheet: (roundId: number, unitId: number) => [...submissionKeys.all, 'sheet', roundId, unitId] as const,
  correction: (roundId: number, unitId: number) => [...submissionKeys.all, 'correction', roundId, unitId] as const,
  provenance: (ref: { roundId: number; unitId: number; indicatorId: number } | null) =>
    [...submissionKeys.all, 'provenance', ref] as const,
  history: (filter: InputOf<'submissions:list-history'>) => [...submissionKeys.all, 'history', filter] as const,
  checkSettings: () => [...submissionKeys.all, 'check-settings'] as const,
};

/** What a change to figures touches besides the sheet: the round's board and matrix, and every evaluation. */
export const figureTouches = [submissionKeys.all, roundKeys.all, targetKeys.all];

export function useSheet(roundId: number, unitId: number) {
  return useQuery({
    queryKey: submissionKeys.sheet(roundId, unitId),
    queryFn: () => call('submissions:get-sheet', { roundId, unitId }),
  });
}

/** Every change to a submission returns the sheet as stored; it replaces the cached one at once. */
function useSheetMutation<I>(roundId: number, unitId: number, run: (input: I) => Promise<SubmissionSheet>) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: run,
    onSuccess: (sheet) => {
      client.setQueryData(submissionKeys.sheet(roundId, unitId), sheet);
      void invalidate(...figureTouches);
    },
  });
}

export function useSaveValues(roundId: number, unitId: number) {
  return useSheetMutation(roundId, unitId, (input: Omit<InputOf<'submissions:save-values'>, 'roundId' | 'unitId'>) =>
    call('submissions:save-values', { roundId, unitId, ...input }),
  );
}

export function useSaveComment(roundId: number, unitId: number) {
  return useSheetMutation(roundId, unitId, (input: { indicatorId: number; comment: string | null }) =>
    call('submissions:save-comment', { roundId, unitId, ...input }),
  );
}

export function useChangeStatus(roundId: number, unitId: number) {
  return useSheetMutation(roundId, unitId, (input: Omit<InputOf<'submissions:change-status'>, 'roundId' | 'unitId'>) =>
    call('submissions:change-status', { roundId, unitId, ...input }),
  );
}

export function useCorrectionDraft(roundId: number, unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: submissionKeys.correction(roundId, unitId),
    queryFn: () => call('submissions:draft-correction', { roundId, unitId }),
    enabled,
  });
}

export function useSaveCorrection(roundId: number, unitId: number) {
  return useMutation({
    mutationFn: (body: string) => call('submissions:save-correction', { roundId, unitId, text: body }),
  });
}

export function useProvenance(ref: { roundId: number; unitId: number; indicatorId: number } | null) {
  return useQuery({
    queryKey: submissionKeys.provenance(ref),
    queryFn: () => call('submissions:get-provenance', ref!),
    enabled: ref !== null,
  });
}

export function useHistory(filter: InputOf<'submissions:list-history'>) {
  return useQuery({
    queryKey: submissionKeys.history(filter),
    queryFn: () => call('submissions:list-history', filter),
  });
}

export function useExportHistory() {
  return useMutation({
    mutationFn: (filter: InputOf<'submissions:export-history'>) => call('submissions:export-history', filter),
  });
}

export function useCheckSettings() {
  return useQuery({
    queryKey: submissionKeys.checkSettings(),
    queryFn: () => call('submissions:get-check-settings', {}),
  });
}

/** The change factor re-checks every submission: sheets, boards and matrices alike. */
export function useSaveCheckSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (changeFactor: number) => call('submissions:save-check-settings', { changeFactor }),
    onSuccess: () => invalidate(...figureTouches),
  });
}
