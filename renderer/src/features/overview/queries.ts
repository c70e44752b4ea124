import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const statusKey = ['app', 'status'] as const;

export function useStatus() {
  return useQuery({ queryKey: statusKey, queryFn: () => call('app:get-status', {}) });
}

export function useCreateDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('demo:create-demo', {}),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => call('targets:get-dashboard', {}) });
}

/** An indicator's figures year by year; in the boundaries of a day when one is given. */
export function useIndicatorSeries(indicatorId: number | null, boundaryDate: string | null) {
  return useQuery({
    queryKey: ['dashboard', 'series', indicatorId, boundaryDate],
    queryFn: () =>
      call('targets:indicator-series', { indicatorId: indicatorId!, ...(boundaryDate ? { boundaryDate } : {}) }),
    enabled: indicatorId !== null,
  });
}
