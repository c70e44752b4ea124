import { listUnits } from '../../../db/units/repo';
import { orderUnitsAsTree, type UnitTreeRow } from '../../../shared/domain/units';
import { foldText } from '../../../shared/text/fold';
import type { ServiceContext } from '../context';

/** The unit tree valid on a date (today's units when none is given), in display order. */
export async function listUnitTree(ctx: ServiceContext, asOf?: string): Promise<UnitTreeRow[]> {
  const units = await listUnits(ctx.db, asOf);
  return orderUnitsAsTree(units, (u) => foldText(`${u.code} ${u.name} ${u.emails.join(' ')}`));
}
