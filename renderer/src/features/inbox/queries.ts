import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

export function useInbox() {
  return useQuery({ queryKey: ['inbox', 'list'], queryFn: () => call('inbox:list-messages', {}) });
}

/** Everything an import can change: the inbox, rounds' counts, submissions, values. */
function useRefreshAfterImport() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['inbox'] }),
      client.invalidateQueries({ queryKey: ['rounds'] }),
    ]);
}

export function useImportFiles() {
  const refresh = useRefreshAfterImport();
  return useMutation({
    mutationFn: (kind: 'files' | 'folder') => call('inbox:import-files', { kind }),
    onSuccess: refresh,
  });
}

export function useImportDropped() {
  const refresh = useRefreshAfterImport();
  return useMutation({
    mutationFn: (files: InputOf<'inbox:import-dropped'>['files']) => call('inbox:import-dropped', { files }),
    onSuccess: refresh,
  });
}

export function useCheckMailbox() {
  const refresh = useRefreshAfterImport();
  return useMutation({ mutationFn: () => call('inbox:check-mailbox', {}), onSuccess: refresh });
}

export function useReviewMessage() {
  const refresh = useRefreshAfterImport();
  return useMutation({
    mutationFn: (input: InputOf<'inbox:review-message'>) => call('inbox:review-message', input),
    onSuccess: refresh,
  });
}

/** A kept e-mail read for showing inside the app (never handed to a mail program). */
export function useMessageView(fileId: number | null) {
  return useQuery({
    queryKey: ['inbox', 'message-view', fileId],
    queryFn: () => call('files:view-message', { fileId: fileId! }),
    enabled: fileId !== null,
  });
}

/** Saves a copy of a kept original where the user chooses. */
export function useSaveCopy() {
  return useMutation({ mutationFn: (fileId: number) => call('files:save-copy', { fileId }) });
}
