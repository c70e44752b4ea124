import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';

/** Backups, restoring one, and the database check. */
export const backupKeys = {
  all: ['backup'] as const,
  status: () => [...backupKeys.all, 'status'] as const,
  inspect: (name: string) => [...backupKeys.all, 'inspect', name] as const,
};

export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status(), queryFn: () => call('backup:get-status', {}) });
}

export function useTakeBackup() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call('backup:take-now', {}), onSuccess: () => invalidate(backupKeys.all) });
}

export function useChooseMirror() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('backup:choose-mirror', {}),
    onSuccess: () => invalidate(backupKeys.all),
  });
}

export function useInspectBackup(name: string) {
  return useQuery({ queryKey: backupKeys.inspect(name), queryFn: () => call('backup:inspect', { name }) });
}

/** A restored backup replaces everything: every screen reads again. */
export function useRestoreBackup(name: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call('backup:restore', { name }), onSuccess: () => invalidate() });
}

export function useCheckDatabase() {
  return useMutation({ mutationFn: () => call('backup:check', { full: true }) });
}
