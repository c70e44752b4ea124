import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

/** Targets evaluated on the figures, the overview's dashboard and series, the office's registers. */
export const targetKeys = {
  all: ['targets'] as const,
  evaluations: (planId: number | null, boundaryDate: string | null) =>
    [...targetKeys.all, 'evaluations', planId, boundaryDate] as const,
  indicators: () => [...targetKeys.all, 'indicators'] as const,
  dashboard: () => [...targetKeys.all, 'dashboard'] as const,
  series: (indicatorId: number | null, boundaryDate: string | null) =>
    [...targetKeys.all, 'series', indicatorId, boundaryDate] as const,
  registers: () => [...targetKeys.all, 'registers'] as const,
};

/** A plan's targets evaluated year by year; in the boundaries of a day when one is given. */
export function useEvaluations(planId: number | null, boundaryDate: string | null = null) {
  return useQuery({
    queryKey: targetKeys.evaluations(planId, boundaryDate),
    queryFn: () =>
      call('targets:evaluate', { ...(planId ? { planId } : {}), ...(boundaryDate ? { boundaryDate } : {}) }),
    enabled: planId !== null,
  });
}

export function useLinkableIndicators() {
  return useQuery({ queryKey: targetKeys.indicators(), queryFn: () => call('targets:list-indicators', {}) });
}

export function useDashboard() {
  return useQuery({ queryKey: targetKeys.dashboard(), queryFn: () => call('targets:get-dashboard', {}) });
}

/** An indicator's figures year by year; in the boundaries of a day when one is given. */
export function useIndicatorSeries(indicatorId: number | null, boundaryDate: string | null) {
  return useQuery({
    queryKey: targetKeys.series(indicatorId, boundaryDate),
    queryFn: () =>
      call('targets:indicator-series', { indicatorId: indicatorId!, ...(boundaryDate ? { boundaryDate } : {}) }),
    enabled: indicatorId !== null,
  });
}

export function useRegisters() {
  return useQuery({ queryKey: targetKeys.registers(), queryFn: () => call('targets:list-registers', {}) });
}

/** A register's figures feed every target measured against it. */
export function useSaveRegister() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'targets:save-register'>) => call('targets:save-register', input),
    onSuccess: () => invalidate(targetKeys.all),
  });
}
