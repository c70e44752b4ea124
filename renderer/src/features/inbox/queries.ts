import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import { figureTouches } from '../submissions/queries';

/** Replies received, their review and the watched mailbox. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: () => [...inboxKeys.all, 'list'] as const,
  replyTable: (messageId: number, roundId: number | null) =>
    [...inboxKeys.all, 'reply-table', messageId, roundId] as const,
  mailbox: () => [...inboxKeys.all, 'mailbox'] as const,
};

export function useInbox() {
  return useQuery({ queryKey: inboxKeys.list(), queryFn: () => call('inbox:list-messages', {}) });
}

/** Everything an import can change: the inbox, and the figures with all that shows them. */
function useRefreshAfterImport() {
  const invalidate = useInvalidate();
  return () => invalidate(inboxKeys.all, ...figureTouches);
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

/** A reply's own table beside the form it is read against (roundId null: the round it was matched to). */
export function useReplyTable(messageId: number, roundId: number | null) {
  return useQuery({
    queryKey: inboxKeys.replyTable(messageId, roundId),
    queryFn: () => call('inbox:get-reply-table', { messageId, ...(roundId === null ? {} : { roundId }) }),
  });
}

export function useMailbox() {
  return useQuery({ queryKey: inboxKeys.mailbox(), queryFn: () => call('inbox:get-mailbox', {}) });
}

export function useSaveMailbox() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'inbox:save-mailbox'>) => call('inbox:save-mailbox', input),
    onSuccess: () => invalidate(inboxKeys.mailbox()),
  });
}

/** "Không cần nhập số liệu": dealt with, with the clerk's note. */
export function useMarkHandled() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'inbox:mark-handled'>) => call('inbox:mark-handled', input),
    onSuccess: () => invalidate(inboxKeys.all),
  });
}

export function useReopenMessage() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (messageId: number) => call('inbox:reopen-message', { messageId }),
    onSuccess: () => invalidate(inboxKeys.all),
  });
}
