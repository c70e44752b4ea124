import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';
import { appKeys } from '../../app/queries';
import { targetKeys } from '../targets/queries';

/** Programmes and plans with their targets and tasks. */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
};

export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: () => call('plans:list-plans', {}) });
}

export function useDraftFromText() {
  return useMutation({ mutationFn: (text: string) => call('plans:draft-from-text', { text }) });
}

/** Anything that changes plans, targets or tasks: the plans, every evaluation, and the overview's counts. */
function usePlanMutation<I, O>(run: (input: I) => Promise<O>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: run, onSuccess: () => invalidate(planKeys.all, targetKeys.all, appKeys.status()) });
}

export const useCreatePlan = () =>
  usePlanMutation((input: InputOf<'plans:create-plan'>) => call('plans:create-plan', input));
export const useUpdateTarget = () =>
  usePlanMutation((input: InputOf<'plans:update-target'>) => call('plans:update-target', input));
export const useAddTarget = () =>
  usePlanMutation((input: InputOf<'plans:add-target'>) => call('plans:add-target', input));
export const useDeleteTarget = () =>
  usePlanMutation((input: InputOf<'plans:delete-target'>) => call('plans:delete-target', input));
export const useUpdateTask = () =>
  usePlanMutation((input: InputOf<'plans:update-task'>) => call('plans:update-task', input));

export function useExportReport() {
  return useMutation({ mutationFn: (input: InputOf<'plans:export-report'>) => call('plans:export-report', input) });
}

export const useSetTaskLead = () =>
  usePlanMutation((input: InputOf<'plans:set-task-lead'>) => call('plans:set-task-lead', input));
