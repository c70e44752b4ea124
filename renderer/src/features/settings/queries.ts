import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Opens the log files' folder in the system's file manager. */
export function useOpenLogFolder() {
  return useMutation({ mutationFn: () => call('app:open-log-folder', {}) });
}
