import type { Db, DataValueRow, SubmissionRecord } from '../schema';
import type { RevisionSource, SubmissionStatus } from '../../shared/domain/rounds';
import type { ChangeKind, WorkflowAction } from '../../shared/domain/submissions';

/** A unit's submission in a round, if the unit is expected in it. */
export async function findSubmissionRecord(
  db: Db,
  roundId: number,
  unitId: number,
): Promise<SubmissionRecord | undefined> {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Adds a unit to a round's expected units, with its submission waiting for its answer. */
export async function addExpectedUnit(db: Db, roundId: number, unitId: number): Promise<SubmissionRecord> {
  await db.insertInto('round_unit').values({ round_id: roundId, unit_id: unitId }).execute();
  return db
    .insertInto('submission')
    .values({ round_id: roundId, unit_id: unitId, received_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ids of every answered submission, or of a form's (whose checks a change to its rules alters). */
export async function listAnsweredSubmissionIds(db: Db, formId?: number): Promise<number[]> {
  let q = db
    .selectFrom('submission as s')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .select('s.id')
    .where('s.status', '!=', 'expected');
  if (formId !== undefined) q = q.where('v.form_id', '=', formId);
  return (await q.execute()).map((s) => s.id);
}

/** What the checks of one submission need to know about it and its round. */
export async function getSubmissionForChecks(db: Db, submissionId: number) {
  return db
    .selectFrom('submission as s')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .select([
      's.id',
      's.unit_id',
      's.status',
      'r.id as round_id',
      'r.period_code',
      'r.period_start',
      'r.form_version_id',
      'v.form_id',
    ])
    .where('s.id', '=', submissionId)
    .executeTakeFirstOrThrow();
}

export async function setSubmissionStatus(
  db: Db,
  submissionId: number,
  changes: { status: SubmissionStatus; locked?: 0 | 1; receivedAt?: string; late?: boolean },
): Promise<void> {
  await db
    .updateTable('submission')
    .set({
      status: changes.status,
      ...(changes.locked !== undefined ? { locked: changes.locked } : {}),
      ...(changes.receivedAt !== undefined ? { received_at: changes.receivedAt } : {}),
      ...(changes.late !== undefined ? { late: changes.late ? 1 : 0 } : {}),
    })
    .where('id', '=', submissionId)
    .execute();
}

/** Records a step of the workflow (checked, returned, approved, unlocked) with its reason. */
export async function insertSubmissionEvent(
  db: Db,
  e: {
    submissionId: number;
    action: WorkflowAction;
    from: SubmissionStatus;
    to: SubmissionStatus;
    at: string;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('submission_event')
    .values({
      submission_id: e.submissionId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      at: e.at,
      reason: e.reason,
    })
    .execute();
}

export async function listSubmissionEvents(db: Db, submissionId: number) {
  return db
    .selectFrom('submission_event')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
}

/** A new revision of a submission, numbered after its earlier ones. */
export async function insertRevision(
  db: Db,
  r: {
    submissionId: number;
    emailMessageId: number | null;
    fileId: number | null;
    now: string;
    /** How the figures came: read from a file (the default) or entered by hand. */
    source?: RevisionSource;
    note?: string;
  },
): Promise<{ id: number; number: number }> {
  const count = await db
    .selectFrom('submission_revision')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('submission_id', '=', r.submissionId)
    .executeTakeFirstOrThrow();
  const number = Number(count.n) + 1;
  const id = (
    await db
      .insertInto('submission_revision')
      .values({
        submission_id: r.submissionId,
        number,
        source: r.source ?? 'import',
        email_message_id: r.emailMessageId,
        file_id: r.fileId,
        created_at: r.now,
        note: r.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return { id, number };
}

export async function listSubmissionValues(db: Db, submissionId: number): Promise<DataValueRow[]> {
  return db.selectFrom('data_value').selectAll().where('submission_id', '=', submissionId).execute();
}

export async function listSubmissionProblems(db: Db, submissionId: number) {
  return db
    .selectFrom('value_problem')
    .select(['indicator_id', 'severity', 'message'])
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
}

/** A figure typed or pasted by hand: it replaces the stored one (a new row when there was none) and is logged. */
export async function writeValueByHand(
  db: Db,
  w: {
    submissionId: number;
    indicatorId: number;
    old: DataValueRow | undefined;
    num: number | null;
    text: string | null;
    by: string;
    reason: string | null;
    how: ChangeKind;
    now: string;
  },
): Promise<void> {
  let valueId: number;
  if (w.old) {
    await db
      .updateTable('data_value')
      .set({
        num_value: w.num,
        text_value: w.text,
        source_file_id: null,
        source_sheet: null,
        source_cell: null,
        revision_id: null,
        updated_at: w.now,
      })
      .where('id', '=', w.old.id)
      .execute();
    valueId = w.old.id;
  } else {
    valueId = (
      await db
        .insertInto('data_value')
        .values({
          submission_id: w.submissionId,
          indicator_id: w.indicatorId,
          num_value: w.num,
          text_value: w.text,
          revision_id: null,
          source_file_id: null,
          source_sheet: null,
          source_cell: null,
          comment: null,
          updated_at: w.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await db
    .insertInto('value_history')
    .values({
      data_value_id: valueId,
      old_num: w.old?.num_value ?? null,
      old_text: w.old?.text_value ?? null,
      new_num: w.num,
      new_text: w.text,
      changed_at: w.now,
      changed_by: w.by,
      reason: w.reason,
      revision_id: null,
      how: w.how,
    })
    .execute();
}

/** Sets the note on one figure; a note on a row with no figure yet makes an empty one to hold it. */
export async function writeValueComment(
  db: Db,
  submissionId: number,
  indicatorId: number,
  comment: string | null,
  now: string,
): Promise<void> {
  const updated = await db
    .updateTable('data_value')
    .set({ comment })
    .where('submission_id', '=', submissionId)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0 || comment === null) return;
  await db
    .insertInto('data_value')
    .values({
      submission_id: submissionId,
      indicator_id: indicatorId,
      num_value: null,
      text_value: null,
      revision_id: null,
      source_file_id: null,
      source_sheet: null,
      source_cell: null,
      comment,
      updated_at: now,
    })
    .execute();
}

/** Where one figure came from: its file, sheet and cell, the revision and the message that brought it. */
export async function getValueSource(db: Db, submissionId: number, indicatorId: number) {
  return db
    .selectFrom('data_value as d')
    .leftJoin('stored_file as f', 'f.id', 'd.source_file_id')
    .leftJoin('submission_revision as rev', 'rev.id', 'd.revision_id')
    .leftJoin('email_message as m', 'm.id', 'rev.email_message_id')
    .select([
      'd.num_value',
      'd.text_value',
      'd.comment',
      'd.source_file_id',
      'd.source_sheet',
      'd.source_cell',
      'f.original_name',
      'rev.number',
      'm.id as message_id',
      'm.from_address',
      'm.from_name',
      'm.subject',
      'm.sent_at',
      'm.imported_at',
    ])
    .where('d.submission_id', '=', submissionId)
    .where('d.indicator_id', '=', indicatorId)
    .executeTakeFirst();
}

/** Each submission of the rounds with its status. */
export async function listSubmissionStates(db: Db, roundIds: readonly number[]) {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('submission')
    .select(['round_id', 'unit_id', 'status'])
    .where('round_id', 'in', [...roundIds])
    .execute();
}

/** A round's submissions with their units. */
export async function listRoundSubmissionIds(db: Db, roundId: number) {
  return db.selectFrom('submission').select(['id', 'unit_id']).where('round_id', '=', roundId).execute();
}

/** Sets every submission of a round to a status as received at a time (benchmarks and demo data). */
export async function setRoundSubmissionsStatus(
  db: Db,
  roundId: number,
  status: SubmissionStatus,
  receivedAt: string,
): Promise<void> {
  await db.updateTable('submission').set({ status, received_at: receivedAt }).where('round_id', '=', roundId).execute();
}
