import type { Kysely, Transaction } from 'kysely';
import type { Database, NewPlan, NewProgramme, NewTarget, NewTask } from '../schema';
import type { Comparator, PlanDetail, PlanType, TargetKind, TaskStatus } from '../../shared/domain/plans';

type Db = Kysely<Database> | Transaction<Database>;

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
    await db.insertInto('task_coordinator').values(coordinatorIds.map((unit_id) => ({ task_id: id, unit_id }))).execute();
  }
  return id;
}

export async function countRows(db: Db, table: 'plan' | 'target' | 'task' | 'programme'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every plan with its targets and tasks, newest period first. */
export async function listPlanDetails(db: Db): Promise<PlanDetail[]> {
  const plans = await db.selectFrom('plan').selectAll().orderBy('period_end', 'desc').orderBy('id').execute();
  const targets = await db.selectFrom('target').selectAll().orderBy('plan_id').orderBy('position').execute();
  const tasks = await db
    .selectFrom('task')
    .leftJoin('org_unit', 'org_unit.id', 'task.lead_unit_id')
    .select(['task.id', 'task.plan_id', 'task.content', 'task.deadline', 'task.status', 'org_unit.name as lead_name'])
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
    type: p.type as PlanType,
    title: p.title,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    targets: targets
      .filter((t) => t.plan_id === p.id)
      .map((t) => ({
        id: t.id,
        code: t.code,
        text: t.text,
        kind: t.kind as TargetKind,
        comparator: t.comparator as Comparator,
        threshold: t.threshold,
        thresholdHigh: t.threshold_high,
        scope: t.scope as 'province' | 'each-unit',
      })),
    tasks: tasks
      .filter((t) => t.plan_id === p.id)
      .map((t) => ({
        id: t.id,
        content: t.content,
        leadUnitName: t.lead_name,
        coordinatingUnitNames: coordByTask.get(t.id) ?? [],
        deadline: t.deadline,
        status: t.status as TaskStatus,
      })),
  }));
}
