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
