import type { AppStatus } from '../../../shared/api/app';
import { countCurrentUnits } from '../../../db/units/repo';
import { countRows } from '../../../db/plans/repo';
import type { ServiceContext } from '../context';

export async function getStatus(ctx: ServiceContext): Promise<AppStatus> {
  const counts = {
    units: await countCurrentUnits(ctx.db),
    plans: await countRows(ctx.db, 'plan'),
    targets: await countRows(ctx.db, 'target'),
    tasks: await countRows(ctx.db, 'task'),
  };
  return {
    version: ctx.appVersion,
    databasePath: ctx.databasePath,
    isEmpty: counts.units === 0 && counts.plans === 0,
    counts,
  };
}
