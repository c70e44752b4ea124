import { useMutation } from '@tanstack/react-query';
import { call } from './client';

/**
 * Copies text to the system clipboard through the main process (Electron's clipboard): the page
 * itself is granted no permission, clipboard writes included. `isSuccess` says it was copied.
 */
export function useCopyText() {
  return useMutation({ mutationFn: (text: string) => call('app:copy-text', { text }) });
}
