import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

/** The unit tree of a day (today's when none is given). */
export function useUnits(asOf?: string) {
  return useQuery({
    queryKey: ['units', 'tree', asOf ?? 'today'],
    queryFn: () => call('units:list-units', asOf ? { asOf } : {}),
  });
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

export function useUnitEvents() {
  return useQuery({ queryKey: ['units', 'events'], queryFn: () => call('units:list-events', {}) });
}

export type UnitChange =
  | { kind: 'merge'; input: InputOf<'units:record-merge'> }
  | { kind: 'split'; input: InputOf<'units:record-split'> }
  | { kind: 'end'; input: InputOf<'units:record-end'> };

/** Records a merge, a split or an ending; every screen's units and figures are read again after it. */
export function useRecordUnitChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: UnitChange) =>
      change.kind === 'merge'
        ? call('units:record-merge', change.input)
        : change.kind === 'split'
          ? call('units:record-split', change.input)
          : call('units:record-end', change.input),
    onSuccess: () => void client.invalidateQueries(),
  });
}

/** Brings in another office's database (chosen in a dialog); every screen is read again after it. */
export function useImportOfficeDatabase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('office:import-database', {}),
    onSuccess: (result) => {
      if (result) void client.invalidateQueries();
    },
  });
}
