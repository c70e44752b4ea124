import type { PlanDetail } from '../../../shared/domain/plans';
import { insertTaskNote, listPlanDetails, setTaskLeadUnit, setTaskStatus, taskExists } from '../../../db/plans/repo';
import { getUnitRow } from '../../../db/units/repo';
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
    if (!(await taskExists(trx, input.taskId)))
      throw new AppError('not-found', `Không có nhiệm vụ số ${input.taskId}.`);
    if (input.status) await setTaskStatus(trx, input.taskId, input.status);
    if (input.note)
      await insertTaskNote(trx, { taskId: input.taskId, at: ctx.clock().toISOString(), text: input.note });
  });
}

/** Matches a task's lead agency (as the plan writes it) to one of the office's units, or undoes the match. */
export async function setTaskLead(
  ctx: ServiceContext,
  input: { taskId: number; unitId: number | null },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (input.unitId !== null && (await getUnitRow(trx, input.unitId)) === undefined)
      throw new AppError('not-found', `Không có đơn vị số ${input.unitId}.`);
    if (!(await setTaskLeadUnit(trx, input.taskId, input.unitId)))
      throw new AppError('not-found', `Không có nhiệm vụ số ${input.taskId}.`);
  });
}
