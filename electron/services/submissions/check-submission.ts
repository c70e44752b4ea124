import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import { replaceValueProblems } from '../../../db/values/repo';
import {
  checkSubmissionValues,
  type CheckedIndicatorRow,
  type StoredValue,
  type ValueProblem,
} from '../../../shared/domain/check-values';
import { listValidationRules } from '../../../db/forms/rules-repo';
import { previousFigures } from './previous-round';
import { getChangeFactor } from './check-settings';

type Db = Kysely<Database> | Transaction<Database>;

export interface SubmissionChecks {
  problems: ValueProblem[];
  errors: number;
  warnings: number;
}

/** The rows a submission's figures are checked against: its round's form, with each indicator's bounds. */
export async function checkedRowsOf(
  db: Db,
  formVersionId: number,
  formRows?: StoredFormRow[],
): Promise<CheckedIndicatorRow[]> {
  const rows = (formRows ?? (await getFormVersionRows(db, formVersionId))).filter(
    (r) => r.valueRow && r.indicatorId !== null,
  );
  const ids = rows.map((r) => r.indicatorId!);
  const bounds =
    ids.length === 0
      ? []
      : await db.selectFrom('indicator').select(['id', 'min_value', 'max_value']).where('id', 'in', ids).execute();
  const boundOf = new Map(bounds.map((b) => [b.id, b]));
  return rows.map((r) => ({
    row: r.row,
    numbering: r.numbering,
    indicatorId: r.indicatorId!,
    text: r.text,
    unit: r.unit,
    parentRow: r.parentRow,
    childRule: r.childRule,
    valueType: r.valueType,
    min: boundOf.get(r.indicatorId!)?.min_value ?? null,
    max: boundOf.get(r.indicatorId!)?.max_value ?? null,
  }));
}

/**
 * Checks one submission's stored figures with every rule and stores what was found in place of the
 * earlier findings; sets the status between "received" and "has errors" while the office has not
 * yet moved it on. Runs inside the caller's transaction: on import, on every edit and on demand.
 */
export async function recheckSubmission(
  db: Db,
  submissionId: number,
  formRows?: StoredFormRow[],
): Promise<SubmissionChecks> {
  const sub = await db
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
  const rows = await checkedRowsOf(db, sub.form_version_id, formRows);
  const stored = await db
    .selectFrom('data_value')
    .select(['indicator_id', 'num_value', 'text_value', 'source_cell'])
    .where('submission_id', '=', submissionId)
    .execute();
  const values = new Map<number, StoredValue>(
    stored.map((v) => [v.indicator_id, { num: v.num_value, text: v.text_value, cell: v.source_cell }]),
  );
  const rules = await listValidationRules(db, sub.form_id);
  const { byIndicator: previous } = await previousFigures(
    db,
    { id: sub.round_id, periodCode: sub.period_code, periodStart: sub.period_start },
    sub.unit_id,
    rows.map((r) => r.indicatorId),
  );
  const problems = checkSubmissionValues({ rows, values, rules, previous, changeFactor: await getChangeFactor(db) });
  await replaceValueProblems(db, submissionId, problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (sub.status === 'received' || sub.status === 'has-errors' || sub.status === 'checked') {
    const next = errors > 0 ? 'has-errors' : sub.status === 'has-errors' ? 'received' : sub.status;
    if (next !== sub.status)
      await db.updateTable('submission').set({ status: next }).where('id', '=', submissionId).execute();
  }
  return { problems, errors, warnings: problems.length - errors };
}

/** Re-checks every answered submission, e.g. after the office changed a setting the checks use. */
export async function recheckAll(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const subs = await trx.selectFrom('submission').select('id').where('status', '!=', 'expected').execute();
    for (const s of subs) await recheckSubmission(trx, s.id);
    return subs.length;
  });
}
