import type { ServiceContext } from '../services/context';
import { listUnitTree } from '../services/units/list-units';
import { listUnitEvents, recordEnd, recordMerge, recordSplit } from '../services/units/unit-changes';
import {
  applyOfficialList,
  chooseOfficialList,
  openedList,
  previewOfficialList,
} from '../services/units/official-list';
import { chooseAndImportUnits } from '../services/units/import-units';
import type { FeatureHandlers } from './types';
import { addUnit } from '../services/units/add-unit';

export function unitsHandlers(ctx: ServiceContext): FeatureHandlers<'units'> {
  return {
    'units:list-units': (input) => listUnitTree(ctx, input.asOf),
    'units:import-file': () => chooseAndImportUnits(ctx),
    'units:list-events': () => listUnitEvents(ctx),
    'units:record-merge': (input) => recordMerge(ctx, input),
    'units:record-split': (input) => recordSplit(ctx, input),
    'units:record-end': (input) => recordEnd(ctx, input),
    'units:open-official-list': (choices) => chooseOfficialList(ctx, choices),
    'units:preview-official-list': (input) => previewOfficialList(ctx, openedList(input.token), input.choices),
    'units:add-unit': async (input) => ({ id: await addUnit(ctx, input) }),
    'units:apply-official-list': (input) => applyOfficialList(ctx, openedList(input.token), input.choices),
  };
}
