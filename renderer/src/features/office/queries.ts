import { useMutation } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';

/** Brings in another office's database (chosen in a dialog); every screen is read again after it. */
export function useImportOfficeDatabase() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('office:import-database', {}),
    onSuccess: (result) => (result ? invalidate() : undefined),
  });
}
