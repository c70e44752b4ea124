import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => call('plans:list-plans', {}) });
}

/** A plan's targets evaluated year by year; in the boundaries of a day when one is given. */
export function useEvaluations(planId: number | null, boundaryDate: string | null = null) {
  return useQuery({
    queryKey: ['targets', 'evaluate', planId, boundaryDate],
    queryFn: () =>
      call('targets:evaluate', { ...(planId ? { planId } : {}), ...(boundaryDate ? { boundaryDate } : {}) }),
    enabled: planId !== null,
  });
}

export function useLinkableIndicators() {
  return useQuery({ queryKey: ['targets', 'indicators'], queryFn: () => call('targets:list-indicators', {}) });
}

export function useRegisters() {
  return useQuery({ queryKey: ['registers'], queryFn: () => call('targets:list-registers', {}) });
}

export function useDraftFromText() {
  return useMutation({ mutationFn: (text: string) => call('plans:draft-from-text', { text }) });
}

/** Anything that changes plans, targets or tasks refreshes the lists and every evaluation. */
function usePlanMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['targets'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
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
export const useSaveRegister = () =>
  usePlanMutation((input: InputOf<'targets:save-register'>) => call('targets:save-register', input));

export function useExportReport() {
  return useMutation({ mutationFn: (input: InputOf<'plans:export-report'>) => call('plans:export-report', input) });
}
