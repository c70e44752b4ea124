import type { Db } from '../schema';
import { parsePeriod } from '../../shared/domain/periods';
import type { RoundStatus, RoundSummary, SubmissionStatus } from '../../shared/domain/rounds';

export interface NewRound {
  formVersionId: number;
  name: string;
  periodCode: string;
  periodStart: string;
  periodEnd: string;
  cutoffDate: string;
  deadline: string;
}

/** Creates a round with its expected units, each with a submission waiting for its answer. */
export async function insertRound(db: Db, round: NewRound, unitIds: number[], now: string): Promise<number> {
  const id = (
    await db
      .insertInto('report_round')
      .values({
        form_version_id: round.formVersionId,
        name: round.name,
        period_code: round.periodCode,
        period_start: round.periodStart,
        period_end: round.periodEnd,
        cutoff_date: round.cutoffDate,
        deadline: round.deadline,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  if (unitIds.length > 0) {
    await db
      .insertInto('round_unit')
      .values(unitIds.map((unit_id) => ({ round_id: id, unit_id })))
      .execute();
    await db
      .insertInto('submission')
      .values(unitIds.map((unit_id) => ({ round_id: id, unit_id, received_at: null })))
      .execute();
  }
  return id;
}

export async function listRoundSummaries(db: Db, roundId?: number): Promise<RoundSummary[]> {
  let q = db
    .selectFrom('report_round as r')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .innerJoin('form as f', 'f.id', 'v.form_id')
    .select((eb) => [
      'r.id',
      'r.name',
      'r.period_code',
      'r.period_start',
      'r.period_end',
      'r.cutoff_date',
      'r.deadline',
      'r.status',
      'v.id as version_id',
      'v.version',
      'f.id as form_id',
      'f.name as form_name',
      eb
        .selectFrom('submission as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.round_id', '=', 'r.id')
        .as('expected'),
      eb
        .selectFrom('submission as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.round_id', '=', 'r.id')
        .where('s.status', '!=', 'expected')
        .as('received'),
      eb
        .selectFrom('submission as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.round_id', '=', 'r.id')
        .where('s.status', '=', 'has-errors')
        .as('with_errors'),
    ])
    .orderBy('r.period_end', 'desc')
    .orderBy('r.id', 'desc');
  if (roundId !== undefined) q = q.where('r.id', '=', roundId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    formId: r.form_id,
    formName: r.form_name,
    formVersionId: r.version_id,
    formVersion: r.version,
    periodCode: r.period_code,
    periodLabel: parsePeriod(r.period_code)?.label ?? r.period_code,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    cutoffDate: r.cutoff_date,
    deadline: r.deadline,
    status: r.status,
    expectedUnits: Number(r.expected ?? 0),
    receivedUnits: Number(r.received ?? 0),
    unitsWithErrors: Number(r.with_errors ?? 0),
  }));
}

export interface SubmissionRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  status: SubmissionStatus;
  receivedAt: string | null;
  late: boolean;
  revisions: number;
  /** When the latest copy came: a correction when there were several (the first decides lateness). */
  lastRevisionAt: string | null;
}

export async function listSubmissionRows(db: Db, roundId: number): Promise<SubmissionRow[]> {
  const rows = await db
    .selectFrom('submission as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select((eb) => [
      'u.id as unit_id',
      'u.code',
      'u.name',
      's.status',
      's.received_at',
      's.late',
      eb
        .selectFrom('submission_revision as sr')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('sr.submission_id', '=', 's.id')
        .as('revisions'),
      eb
        .selectFrom('submission_revision as sr')
        .leftJoin('email_message as m', 'm.id', 'sr.email_message_id')
        .select((e) => e.fn.max(e.fn.coalesce('m.sent_at', 'sr.created_at')).as('at'))
        .whereRef('sr.submission_id', '=', 's.id')
        .as('last_revision_at'),
    ])
    .where('s.round_id', '=', roundId)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitCode: r.code,
    unitName: r.name,
    status: r.status,
    receivedAt: r.received_at,
    late: r.late === 1,
    revisions: Number(r.revisions ?? 0),
    lastRevisionAt: r.last_revision_at ?? null,
  }));
}

/** Every round's period and form version. */
export async function listRoundPeriods(db: Db) {
  return db.selectFrom('report_round').select(['id', 'period_code', 'form_version_id']).execute();
}

/** A round's period code and first day; throws when there is no such round. */
export async function getRoundPeriod(db: Db, roundId: number) {
  return db
    .selectFrom('report_round')
    .select(['period_code', 'period_start'])
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
}

/** Every round's expected units. */
export async function listExpectedUnits(db: Db) {
  return db.selectFrom('round_unit').select(['round_id', 'unit_id']).execute();
}

export async function setRoundStatus(db: Db, roundId: number, status: RoundStatus): Promise<void> {
  await db.updateTable('report_round').set({ status }).where('id', '=', roundId).execute();
}
