import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import type { SubmissionSheet } from '../../../../shared/domain/submissions';

const sheetKey = (roundId: number, unitId: number) => ['submissions', 'sheet', roundId, unitId] as const;

export function useSheet(roundId: number, unitId: number) {
  return useQuery({
    queryKey: sheetKey(roundId, unitId),
    queryFn: () => call('submissions:get-sheet', { roundId, unitId }),
  });
}

/** Every change to a submission returns the sheet as stored; it replaces the cached one at once. */
function useSheetMutation<I>(roundId: number, unitId: number, run: (input: I) => Promise<SubmissionSheet>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (sheet) => {
      client.setQueryData(sheetKey(roundId, unitId), sheet);
      void client.invalidateQueries({ queryKey: ['rounds'] });
      void client.invalidateQueries({ queryKey: ['matrix', roundId] });
      void client.invalidateQueries({ queryKey: ['history'] });
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
    queryKey: ['submissions', 'correction', roundId, unitId],
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
    queryKey: ['provenance', ref?.roundId, ref?.unitId, ref?.indicatorId],
    queryFn: () => call('submissions:get-provenance', ref!),
    enabled: ref !== null,
  });
}

export function useHistory(filter: InputOf<'submissions:list-history'>) {
  return useQuery({ queryKey: ['history', filter], queryFn: () => call('submissions:list-history', filter) });
}

export function useExportHistory() {
  return useMutation({
    mutationFn: (filter: InputOf<'submissions:export-history'>) => call('submissions:export-history', filter),
  });
}

/** Opens a read-only copy of a stored original with the system's program (the user's click only). */
export function useOpenOriginal() {
  return useMutation({ mutationFn: (fileId: number) => call('files:open-original', { fileId }) });
}
