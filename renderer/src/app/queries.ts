import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../api/client';
import type { InputOf } from '../../../shared/api/contract';

/** The app itself: its status, the demo, and what the window does for any screen (print, PDF, PNG, clipboard). */
export const appKeys = {
  all: ['app'] as const,
  status: () => [...appKeys.all, 'status'] as const,
};

export function useStatus() {
  return useQuery({ queryKey: appKeys.status(), queryFn: () => call('app:get-status', {}) });
}

/** Demo data changes everything there is. */
export function useCreateDemo() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call('demo:create-demo', {}), onSuccess: () => invalidate() });
}

export function usePrint() {
  return useMutation({ mutationFn: () => call('app:print', {}) });
}

export function useSavePdf() {
  return useMutation({ mutationFn: (name: string) => call('app:save-pdf', { name }) });
}

export function useSavePng() {
  return useMutation({ mutationFn: (input: InputOf<'app:save-png'>) => call('app:save-png', input) });
}

export function useExportGrid() {
  return useMutation({ mutationFn: (input: InputOf<'app:export-grid'>) => call('app:export-grid', input) });
}

/** Opens the log files' folder in the system's file manager. */
export function useOpenLogFolder() {
  return useMutation({ mutationFn: () => call('app:open-log-folder', {}) });
}

/**
 * Copies text to the system clipboard through the main process (Electron's clipboard): the page
 * itself is granted no permission, clipboard writes included. `isSuccess` says it was copied.
 */
export function useCopyText() {
  return useMutation({ mutationFn: (text: string) => call('app:copy-text', { text }) });
}
