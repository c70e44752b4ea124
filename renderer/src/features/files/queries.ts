import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Originals kept as received: an e-mail shown inside the app, a copy opened or saved. */
export const fileKeys = {
  all: ['files'] as const,
  message: (fileId: number | null) => [...fileKeys.all, 'message', fileId] as const,
};

/** A kept e-mail read for showing inside the app (never handed to a mail program). */
export function useMessageView(fileId: number | null) {
  return useQuery({
    queryKey: fileKeys.message(fileId),
    queryFn: () => call('files:view-message', { fileId: fileId! }),
    enabled: fileId !== null,
  });
}

/** Saves a copy of a kept original where the user chooses. */
export function useSaveCopy() {
  return useMutation({ mutationFn: (fileId: number) => call('files:save-copy', { fileId }) });
}

/** Opens a read-only copy of a stored original with the system's program (the user's click only). */
export function useOpenOriginal() {
  return useMutation({ mutationFn: (fileId: number) => call('files:open-original', { fileId }) });
}

/** "Mở tệp" / "Mở thư mục" for what the app just saved (main refuses anything else). */
export function useOpenSaved() {
  return useMutation({
    mutationFn: (input: { path: string; show: 'file' | 'folder' }) => call('files:open-saved', input),
  });
}
