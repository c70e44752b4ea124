import type { PlanDetail } from '../../../shared/domain/plans';
import { listPlanDetails } from '../../../db/plans/repo';
import { vietnamDay } from '../../../shared/clock';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

export function listPlans(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<PlanDetail[]> {
  return listPlanDetails(ctx.db, vietnamDay(ctx.clock()));
}

/** Sets a task's status and/or adds a progress note, dated now. */
export async function updateTask(
  ctx: ServiceContext,
  input: { taskId: number; status?: 'not-started' | 'in-progress' | 'done'; note?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('task').select('id').where('id', '=', input.taskId).executeTakeFirst();
    if (!task) throw new AppError('not-found', `Không có nhiệm vụ số ${input.taskId}.`);
    if (input.status)
      await trx.updateTable('task').set({ status: input.status }).where('id', '=', input.taskId).execute();
    if (input.note)
      await trx
        .insertInto('task_note')
        .values({ task_id: input.taskId, noted_at: ctx.clock().toISOString(), text: input.note })
        .execute();
  });
}
