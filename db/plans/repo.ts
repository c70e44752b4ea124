import type { Db, NewPlan, NewProgramme, NewTarget, NewTask } from '../schema';
import type { PlanDetail, TargetDefinition, TargetSummary, TaskStatus } from '../../shared/domain/plans';

export async function insertProgramme(db: Db, p: NewProgramme): Promise<number> {
  return (await db.insertInto('programme').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPlan(db: Db, p: NewPlan): Promise<number> {
  return (await db.insertInto('plan').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTarget(db: Db, t: NewTarget): Promise<number> {
  return (await db.insertInto('target').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTask(db: Db, t: NewTask, coordinatorIds: number[]): Promise<number> {
  const id = (await db.insertInto('task').values(t).returning('id').executeTakeFirstOrThrow()).id;
  if (coordinatorIds.length > 0) {
    await db
      .insertInto('task_coordinator')
      .values(coordinatorIds.map((unit_id) => ({ task_id: id, unit_id })))
      .execute();
  }
  return id;
}

function targetRows(db: Db) {
  return db
    .selectFrom('target')
    .innerJoin('plan', 'plan.id', 'target.plan_id')
    .leftJoin('indicator as num', 'num.id', 'target.indicator_id')
    .leftJoin('indicator as den', 'den.id', 'target.denominator_indicator_id')
    .selectAll('target')
    .select([
      'num.name as indicator_name',
      'den.name as denominator_name',
      'plan.period_start as plan_start',
      'plan.period_end as plan_end',
    ]);
}

type TargetRow = Awaited<ReturnType<ReturnType<typeof targetRows>['execute']>>[number];

function toTargetSummary(t: TargetRow): TargetSummary {
  return {
    id: t.id,
    code: t.code,
    text: t.text,
    kind: t.kind,
    comparator: t.comparator,
    threshold: t.threshold,
    thresholdHigh: t.threshold_high,
    scope: t.scope,
    indicatorId: t.indicator_id,
    indicatorName: t.indicator_name,
    denominatorIndicatorId: t.denominator_indicator_id,
    denominatorIndicatorName: t.denominator_name,
    denominatorRegister: t.denominator_register,
    unitKind: t.unit_kind,
    conditionComparator: t.condition_comparator,
    conditionValue: t.condition_value,
    periodFrom: t.period_from,
    periodTo: t.period_to,
    deadlineYear: t.deadline_year,
    sourceText: t.source_text,
  };
}

/** Targets with their plan's years, as the evaluation needs them: newest plan first, in the plan's order. */
export async function listTargetDefinitions(
  db: Db,
  filter: { planId?: number; targetId?: number } = {},
): Promise<TargetDefinition[]> {
  let q = targetRows(db).orderBy('plan.period_end', 'desc').orderBy('plan.id').orderBy('target.position');
  if (filter.planId !== undefined) q = q.where('target.plan_id', '=', filter.planId);
  if (filter.targetId !== undefined) q = q.where('target.id', '=', filter.targetId);
  return (await q.execute()).map((r) => ({
    ...toTargetSummary(r),
    planId: r.plan_id,
    planStart: r.plan_start,
    planEnd: r.plan_end,
  }));
}

export async function countRows(db: Db, table: 'plan' | 'target' | 'task' | 'programme'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every plan with its targets and tasks, newest period first; a task is overdue after its deadline unless done. */
export async function listPlanDetails(db: Db, today: string): Promise<PlanDetail[]> {
  const plans = await db
    .selectFrom('plan')
    .leftJoin('programme', 'programme.id', 'plan.programme_id')
    .selectAll('plan')
    .select('programme.name as programme_name')
    .orderBy('plan.period_end', 'desc')
    .orderBy('plan.id')
    .execute();
  const notes = await db
    .selectFrom('task_note')
    .select(['task_id', 'noted_at', 'text'])
    .orderBy('noted_at')
    .orderBy('id')
    .execute();
  const targets = await targetRows(db).orderBy('target.plan_id').orderBy('target.position').execute();
  const tasks = await db
    .selectFrom('task')
    .leftJoin('org_unit', 'org_unit.id', 'task.lead_unit_id')
    .select([
      'task.id',
      'task.plan_id',
      'task.content',
      'task.deadline',
      'task.status',
      'task.lead_text',
      'task.lead_unit_id',
      'org_unit.name as lead_name',
    ])
    .orderBy('task.plan_id')
    .orderBy('task.position')
    .execute();
  const coordinators = await db
    .selectFrom('task_coordinator')
    .innerJoin('org_unit', 'org_unit.id', 'task_coordinator.unit_id')
    .select(['task_coordinator.task_id', 'org_unit.name'])
    .orderBy('org_unit.code')
    .execute();
  const coordByTask = new Map<number, string[]>();
  for (const c of coordinators) coordByTask.set(c.task_id, [...(coordByTask.get(c.task_id) ?? []), c.name]);

  return plans.map((p) => ({
    id: p.id,
    programmeId: p.programme_id,
    docNumber: p.doc_number,
    docDate: p.doc_date,
    issuer: p.issuer,
    signer: p.signer,
    type: p.type,
    title: p.title,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    legalBasis: p.legal_basis,
    programmeName: p.programme_name,
    targets: targets.filter((t) => t.plan_id === p.id).map(toTargetSummary),
    tasks: tasks
      .filter((t) => t.plan_id === p.id)
      .map((t) => ({
        id: t.id,
        content: t.content,
        leadUnitId: t.lead_unit_id,
        leadUnitName: t.lead_name,
        leadText: t.lead_text,
        coordinatingUnitNames: coordByTask.get(t.id) ?? [],
        deadline: t.deadline,
        status: t.status,
        overdue: t.status !== 'done' && t.deadline !== null && t.deadline < today,
        notes: notes.filter((n) => n.task_id === t.id).map((n) => ({ notedAt: n.noted_at, text: n.text })),
      })),
  }));
}

export async function planExists(db: Db, planId: number): Promise<boolean> {
  return (await db.selectFrom('plan').select('id').where('id', '=', planId).executeTakeFirst()) !== undefined;
}

/** The plan a target belongs to, or undefined when there is no such target. */
export async function findTargetPlan(db: Db, targetId: number): Promise<number | undefined> {
  return (await db.selectFrom('target').select('plan_id').where('id', '=', targetId).executeTakeFirst())?.plan_id;
}

export async function updateTargetRow(db: Db, targetId: number, changes: Omit<NewTarget, 'plan_id' | 'position'>) {
  await db.updateTable('target').set(changes).where('id', '=', targetId).execute();
}

/** Whether another target of the plan already has the code. */
export async function targetCodeTaken(db: Db, planId: number, code: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('target').select('id').where('plan_id', '=', planId).where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Which of the ids name a row of the table (to say which references a plan names do not exist). */
export async function existingIds(
  db: Db,
  table: 'indicator' | 'org_unit' | 'programme',
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingRegisterCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('register')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** The position after a plan's last target. */
export async function nextTargetPosition(db: Db, planId: number): Promise<number> {
  const last = await db
    .selectFrom('target')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(last?.p ?? 0) + 1;
}

/** Deletes a target; false when there was none. */
export async function deleteTargetRow(db: Db, targetId: number): Promise<boolean> {
  const r = await db.deleteFrom('target').where('id', '=', targetId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Every plan's title, by id. */
export async function listPlanTitles(db: Db): Promise<Map<number, string>> {
  return new Map((await db.selectFrom('plan').select(['id', 'title']).execute()).map((p) => [p.id, p.title]));
}

export async function taskExists(db: Db, taskId: number): Promise<boolean> {
  return (await db.selectFrom('task').select('id').where('id', '=', taskId).executeTakeFirst()) !== undefined;
}

export async function setTaskStatus(db: Db, taskId: number, status: TaskStatus): Promise<void> {
  await db.updateTable('task').set({ status }).where('id', '=', taskId).execute();
}

export async function insertTaskNote(db: Db, n: { taskId: number; at: string; text: string }): Promise<void> {
  await db.insertInto('task_note').values({ task_id: n.taskId, noted_at: n.at, text: n.text }).execute();
}

/** Matches a task's lead agency to a unit (or undoes the match); the text as written stays. */
export async function setTaskLeadUnit(db: Db, taskId: number, unitId: number | null): Promise<boolean> {
  const r = await db.updateTable('task').set({ lead_unit_id: unitId }).where('id', '=', taskId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
