import { useMutation, useQuery } from '@tanstack/react-query';
import { call, useInvalidate } from '../../api/client';
import type { InputOf } from '../../../../shared/api/contract';

/** Reporting units through time. A change to units changes where every figure belongs: all is read again. */
export const unitKeys = {
  all: ['units'] as const,
  tree: (asOf: string | undefined) => [...unitKeys.all, 'tree', asOf ?? 'today'] as const,
  events: () => [...unitKeys.all, 'events'] as const,
};

/** The unit tree of a day (today's when none is given). */
export function useUnits(asOf?: string) {
  return useQuery({ queryKey: unitKeys.tree(asOf), queryFn: () => call('units:list-units', asOf ? { asOf } : {}) });
}

export function useImportUnits() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call('units:import-file', {}),
    onSuccess: (report) => (report ? invalidate() : undefined),
  });
}

export function useUnitEvents() {
  return useQuery({ queryKey: unitKeys.events(), queryFn: () => call('units:list-events', {}) });
}

export type UnitChange =
  | { kind: 'merge'; input: InputOf<'units:record-merge'> }
  | { kind: 'split'; input: InputOf<'units:record-split'> }
  | { kind: 'end'; input: InputOf<'units:record-end'> };

/** Records a merge, a split or an ending; every screen's units and figures are read again after it. */
export function useRecordUnitChange() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (change: UnitChange) =>
      change.kind === 'merge'
        ? call('units:record-merge', change.input)
        : change.kind === 'split'
          ? call('units:record-split', change.input)
          : call('units:record-end', change.input),
    onSuccess: () => invalidate(),
  });
}

type OfficialListChoices = InputOf<'units:open-official-list'>;

/** Asks for the statistics office's list and previews it; null when the user cancels. */
export function useOpenOfficialList() {
  return useMutation({ mutationFn: (choices: OfficialListChoices) => call('units:open-official-list', choices) });
}

export function usePreviewOfficialList() {
  return useMutation({
    mutationFn: (input: { token: string; choices: OfficialListChoices }) => call('units:preview-official-list', input),
  });
}

export function useApplyOfficialList() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { token: string; choices: OfficialListChoices }) => call('units:apply-official-list', input),
    onSuccess: () => invalidate(),
  });
}

/** One unit typed in; the unit lists and whatever names units read again. */
export function useAddUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InputOf<'units:add-unit'>) => call('units:add-unit', input),
    onSuccess: () => invalidate(unitKeys.all),
  });
}
