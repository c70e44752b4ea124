import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => call('plans:list-plans', {}) });
}
