import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { OfficeProfile } from '../../../../shared/domain/office';
import { roundKeys } from '../rounds/queries';

/** The office's details and its own Word template. */
export const settingsKeys = {
  all: ['settings'] as const,
  office: () => [...settingsKeys.all, 'office'] as const,
  template: () => [...settingsKeys.all, 'template'] as const,
};

export function useOfficeProfile() {
  return useQuery({ queryKey: settingsKeys.office(), queryFn: () => call('settings:get-office', {}) });
}

/** The office's details head every appendix: the print preview reads them again. */
export function useSaveOfficeProfile() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (p: OfficeProfile) => call('settings:save-office', p),
    onSuccess: () => invalidate(settingsKeys.all, roundKeys.all),
  });
}

export function useOfficeTemplate() {
  return useQuery({ queryKey: settingsKeys.template(), queryFn: () => call('settings:get-template', {}) });
}

export function useChooseTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('settings:choose-template', {}),
    onSuccess: () => invalidate(settingsKeys.template()),
  });
}

export function useSaveStarterTemplate() {
  return useMutation({ mutationFn: () => call('settings:save-starter-template', {}) });
}

export function useRemoveTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('settings:remove-template', {}),
    onSuccess: () => invalidate(settingsKeys.template()),
  });
}
