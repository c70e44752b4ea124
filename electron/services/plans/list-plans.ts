import type { PlanDetail } from '../../../shared/domain/plans';
import { listPlanDetails } from '../../../db/plans/repo';
import type { ServiceContext } from '../context';

export function listPlans(ctx: ServiceContext): Promise<PlanDetail[]> {
  return listPlanDetails(ctx.db);
}
