import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export function useUnits() {
  return useQuery({ queryKey: ['units', 'tree'], queryFn: () => call('units:list-units', {}) });
}

export function useImportUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('units:import-file', {}),
    onSuccess: (report) => {
      if (report) void client.invalidateQueries();
    },
  });
}
