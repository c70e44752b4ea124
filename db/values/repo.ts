import { CompiledQuery, sql, type Insertable } from 'kysely';
import { insertRows } from '../insert-rows';
import type { Db, Database, NewDataValue } from '../schema';
import type { ValueProblem } from '../../shared/domain/check-values';

type NewValueHistory = Insertable<Database['value_history']>;

const COLUMNS = [
  'submission_id',
  'indicator_id',
  'num_value',
  'text_value',
  'revision_id',
  'source_file_id',
  'source_sheet',
  'source_cell',
  'comment',
  'updated_at',
] as const satisfies readonly (keyof NewDataValue)[];

/**
 * Inserts many values in multi-row statements. The caller owns the transaction (one per file
 * imported), so a failure part-way leaves nothing behind.
 */
export async function insertDataValues(db: Db, rows: readonly NewDataValue[]): Promise<number> {
  await insertRows(db, 'data_value', COLUMNS, rows);
  return rows.length;
}

const HISTORY_COLUMNS = [
  'data_value_id',
  'old_num',
  'old_text',
  'new_num',
  'new_text',
  'changed_at',
  'changed_by',
  'reason',
  'revision_id',
] as const satisfies readonly (keyof NewValueHistory)[];

const PROBLEM_COLUMNS = ['submission_id', 'indicator_id', 'severity', 'rule', 'message'] as const;

/** Kept values per UPDATE: 7 parameters each stays well under SQLite's 32,766. */
const MOVE_CHUNK = 500;
const moveSqlBySize = new Map<number, string>();

/**
 * Kept values set to a new revision's figure and provenance in one statement: `n` rows of
 * (id, figure, text, file, sheet, cell, time) joined to data_value by id. A value's time changes only
 * when its figure does (its time is null otherwise). The text is built once per size.
 */
function moveValuesSql(n: number): string {
  let text = moveSqlBySize.get(n);
  if (!text) {
    text = `WITH moved(id, num_value, text_value, source_file_id, source_sheet, source_cell, changed_at) AS (VALUES ${Array.from(
      { length: n },
      () => '(?, ?, ?, ?, ?, ?, ?)',
    ).join(', ')})
  UPDATE data_value
  SET num_value = moved.num_value, text_value = moved.text_value, source_file_id = moved.source_file_id,
      source_sheet = moved.source_sheet, source_cell = moved.source_cell, revision_id = ?,
      updated_at = coalesce(moved.changed_at, data_value.updated_at)
  FROM moved WHERE data_value.id = moved.id`;
    moveSqlBySize.set(n, text);
  }
  return text;
}

export async function countDataValues(db: Db): Promise<number> {
  const r = await db
    .selectFrom('data_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface IncomingValue {
  indicatorId: number;
  num: number | null;
  text: string | null;
  sourceFileId: number | null;
  sourceSheet: string | null;
  sourceCell: string | null;
}

/**
 * Writes a submission's values as one revision: each indicator's value is set (blank = null), and
 * every change is written to the history with the revision, when and by whom. Unchanged values keep
 * their history quiet. Returns how many values changed. A reply holds many values, so the writes go
 * in a few multi-row statements, not one per value.
 */
export async function writeRevisionValues(
  db: Db,
  submissionId: number,
  revisionId: number,
  values: IncomingValue[],
  changedBy: string,
  now: string,
): Promise<number> {
  const existing = await db.selectFrom('data_value').selectAll().where('submission_id', '=', submissionId).execute();
  const byIndicator = new Map(existing.map((v) => [v.indicator_id, v]));
  const history: NewValueHistory[] = [];
  const fresh = values.filter((v) => !byIndicator.has(v.indicatorId));
  const kept = values.filter((v) => byIndicator.has(v.indicatorId));

  if (fresh.length > 0) {
    const inserted = await insertRows<'data_value', { id: number; indicator_id: number }>(
      db,
      'data_value',
      COLUMNS,
      fresh.map((v) => ({
        submission_id: submissionId,
        indicator_id: v.indicatorId,
        num_value: v.num,
        text_value: v.text,
        revision_id: revisionId,
        source_file_id: v.sourceFileId,
        source_sheet: v.sourceSheet,
        source_cell: v.sourceCell,
        comment: null,
        updated_at: now,
      })),
      ['id', 'indicator_id'],
    );
    const idOf = new Map(inserted.map((r) => [r.indicator_id, r.id]));
    for (const v of fresh) {
      if (v.num !== null || v.text !== null) {
        history.push({
          data_value_id: idOf.get(v.indicatorId)!,
          old_num: null,
          old_text: null,
          new_num: v.num,
          new_text: v.text,
          changed_at: now,
          changed_by: changedBy,
          reason: null,
          revision_id: revisionId,
        });
      }
    }
  }

  if (kept.length > 0) {
    const changedIds = new Set(
      kept
        .filter((v) => {
          const o = byIndicator.get(v.indicatorId)!;
          return o.num_value !== v.num || o.text_value !== v.text;
        })
        .map((v) => v.indicatorId),
    );
    // The kept values move to this revision in one statement per 500 (one run per value cost more than
    // the rest of storing a reply).
    for (let i = 0; i < kept.length; i += MOVE_CHUNK) {
      const chunk = kept.slice(i, i + MOVE_CHUNK);
      const parameters: unknown[] = [];
      for (const v of chunk)
        parameters.push(
          byIndicator.get(v.indicatorId)!.id,
          v.num,
          v.text,
          v.sourceFileId,
          v.sourceSheet,
          v.sourceCell,
          changedIds.has(v.indicatorId) ? now : null,
        );
      parameters.push(revisionId);
      await db.executeQuery(CompiledQuery.raw(moveValuesSql(chunk.length), parameters));
    }
    for (const v of kept) {
      if (!changedIds.has(v.indicatorId)) continue;
      const o = byIndicator.get(v.indicatorId)!;
      history.push({
        data_value_id: o.id,
        old_num: o.num_value,
        old_text: o.text_value,
        new_num: v.num,
        new_text: v.text,
        changed_at: now,
        changed_by: changedBy,
        reason: null,
        revision_id: revisionId,
      });
    }
  }
  await insertRows(db, 'value_history', HISTORY_COLUMNS, history);
  return history.length;
}

export async function replaceValueProblems(db: Db, submissionId: number, problems: ValueProblem[]): Promise<void> {
  await db.deleteFrom('value_problem').where('submission_id', '=', submissionId).execute();
  await insertRows(
    db,
    'value_problem',
    PROBLEM_COLUMNS,
    problems.map((p) => ({
      submission_id: submissionId,
      indicator_id: p.indicatorId,
      severity: p.severity,
      rule: p.rule,
      message: p.message,
    })),
  );
}

export interface RoundFigure {
  unit_id: number;
  indicator_id: number;
  num_value: number | null;
  text_value: string | null;
}

/** Every stored figure of a round with the unit it belongs to; narrowed to one unit, or to what was reported. */
export async function listRoundFigures(
  db: Db,
  roundId: number,
  options: { unitId?: number; reportedOnly?: boolean } = {},
): Promise<RoundFigure[]> {
  let q = db
    .selectFrom('data_value as d')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .select(['s.unit_id', 'd.indicator_id', 'd.num_value', 'd.text_value'])
    .where('s.round_id', '=', roundId);
  if (options.unitId !== undefined) q = q.where('s.unit_id', '=', options.unitId);
  if (options.reportedOnly)
    q = q.where((eb) => eb.or([eb('d.num_value', 'is not', null), eb('d.text_value', 'is not', null)]));
  return q.execute();
}

/** What the checks found in a round's submissions, with the unit each finding belongs to, in the order found. */
export async function listRoundProblems(
  db: Db,
  roundId: number,
): Promise<{ unit_id: number; indicator_id: number | null; severity: 'error' | 'warning'; message: string }[]> {
  const rows = await db
    .selectFrom('value_problem as p')
    .innerJoin('submission as s', 's.id', 'p.submission_id')
    .select(['s.unit_id', 'p.indicator_id', 'p.severity', 'p.message'])
    .where('s.round_id', '=', roundId)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...r, severity: r.severity }));
}

/** The one query over the figures targets are evaluated on; the benchmark measures it alone as the floor. */
export async function figureRows(db: Db, roundIds: number[], indicatorIds: number[]) {
  const result = await sql<{ round_id: number; unit_id: number; indicator_id: number; num_value: number }>`
    SELECT s.round_id, s.unit_id, d.indicator_id, d.num_value
    FROM data_value d JOIN submission s ON s.id = d.submission_id
    WHERE d.num_value IS NOT NULL
      AND s.round_id IN (${sql.join(roundIds)})
      AND d.indicator_id IN (${sql.join(indicatorIds)})
    ORDER BY s.round_id`.execute(db);
  return result.rows;
}

/** Each indicator lineage (its root) with the periods that have a figure for it. */
export async function listLineagePeriodsWithFigures(db: Db) {
  return db
    .selectFrom('data_value as d')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .innerJoin('report_round as rr', 'rr.id', 's.round_id')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .select((eb) => [eb.fn.coalesce('i.same_as_id', 'i.id').as('root'), 'rr.period_code'])
    .where('d.num_value', 'is not', null)
    .groupBy(['root', 'rr.period_code'])
    .execute();
}

/** Every reported figure of a round by indicator code and unit code, ordered by unit then indicator. */
export async function listRoundFiguresByCode(db: Db, roundId: number) {
  return db
    .selectFrom('data_value as d')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .select(['i.code as element', 'u.code as unit', 'd.num_value', 'd.text_value'])
    .where('s.round_id', '=', roundId)
    .where((eb) => eb.or([eb('d.num_value', 'is not', null), eb('d.text_value', 'is not', null)]))
    .orderBy('u.code')
    .orderBy('i.code')
    .execute();
}
