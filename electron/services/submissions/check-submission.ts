import type { Kysely } from 'kysely';
import type { Database, Db } from '../../../db/schema';
import { getFormVersionRows, listIndicatorBounds, type StoredFormRow } from '../../../db/forms/repo';
import {
  getSubmissionForChecks,
  listAnsweredSubmissionIds,
  listSubmissionValues,
  setSubmissionStatus,
} from '../../../db/submissions/repo';
import { replaceValueProblems } from '../../../db/values/repo';
import {
  checkSubmissionValues,
  type CheckedIndicatorRow,
  type StoredValue,
  type ValueProblem,
} from '../../../shared/domain/check-values';
import { listValidationRules } from '../../../db/forms/rules-repo';
import { previousFigures } from '../../../db/rounds/previous-round';
import { getChangeFactor } from './check-settings';

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
  const boundOf = await listIndicatorBounds(db, ids);
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
  /** The rows to check against, when the caller has them (a batch loads them once per form). */
  checkedRows?: CheckedIndicatorRow[],
): Promise<SubmissionChecks> {
  const sub = await getSubmissionForChecks(db, submissionId);
  const rows = checkedRows ?? (await checkedRowsOf(db, sub.form_version_id));
  const stored = await listSubmissionValues(db, submissionId);
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
    if (next !== sub.status) await setSubmissionStatus(db, submissionId, { status: next });
  }
  return { problems, errors, warnings: problems.length - errors };
}

/** Re-checks every answered submission, e.g. after the office changed a setting the checks use. */
export async function recheckAll(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const subs = await listAnsweredSubmissionIds(trx);
    for (const s of subs) await recheckSubmission(trx, s);
    return subs.length;
  });
}
