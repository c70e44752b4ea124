import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

/** The office's outgoing mail: its server, what a round sends, and the log of what was sent. */
export const mailKeys = {
  all: ['mail'] as const,
  server: () => [...mailKeys.all, 'server'] as const,
  preview: (input: InputOf<'mail:preview-round'>) => [...mailKeys.all, 'preview', input] as const,
  sent: (roundId: number) => [...mailKeys.all, 'sent', roundId] as const,
};

export function useOutgoingServer() {
  return useQuery({ queryKey: mailKeys.server(), queryFn: () => call('mail:get-server', {}) });
}

export function useSaveOutgoingServer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'mail:save-server'>) => call('mail:save-server', input),
    onSuccess: () => invalidate(mailKeys.all),
  });
}

export function useSendTestMail() {
  return useMutation({ mutationFn: () => call('mail:send-test', {}) });
}

/** Every message a sending would make, before it is made; null input: nothing asked yet. */
export function useMailPreview(input: InputOf<'mail:preview-round'> | null) {
  return useQuery({
    queryKey: mailKeys.preview(input ?? { roundId: 0, kind: 'forms' }),
    queryFn: () => call('mail:preview-round', input!),
    enabled: input !== null,
  });
}

/** A sending changes the log and what a new preview would skip. */
export function useSendRoundMail() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'mail:send-round'>) => call('mail:send-round', input),
    onSettled: () => invalidate(mailKeys.all),
  });
}

export function useSendCorrection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'mail:send-correction'>) => call('mail:send-correction', input),
    onSettled: () => invalidate(mailKeys.all),
  });
}

export function useSentMail(roundId: number) {
  return useQuery({ queryKey: mailKeys.sent(roundId), queryFn: () => call('mail:list-sent', { roundId }) });
}
