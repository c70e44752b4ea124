import type { Channel, } from '../../shared/api/channels';
import type { OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { ServiceContext } from '../services/context';
import { getStatus } from '../services/app/get-status';
import { createDemo } from '../services/demo/create-demo';
import { listUnitTree } from '../services/units/list-units';
import { chooseAndImportUnits } from '../services/units/import-units';
import { listPlans } from '../services/plans/list-plans';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** One handler per channel of the contract, each a thin call into a service. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    'app:get-status': () => getStatus(ctx),
    'demo:create-demo': () => createDemo(ctx),
    'units:list-units': (input) => listUnitTree(ctx, input.asOf),
    'units:import-file': () => chooseAndImportUnits(ctx),
    'plans:list-plans': () => listPlans(ctx),
  };
}
