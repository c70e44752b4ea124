import { CompiledQuery, sql, type Insertable } from 'kysely';
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

/** Rows per INSERT statement: 10 columns × 500 rows stays well under SQLite's 32,766 parameters. */
const CHUNK = 500;

const sqlByRowCount = new Map<number, string>();

/** The multi-row INSERT for `n` rows, built by kysely once per size and then reused. */
function insertSql(db: Db, n: number): string {
  let text = sqlByRowCount.get(n);
  if (!text) {
    const placeholder = Object.fromEntries(COLUMNS.map((c) => [c, null])) as unknown as NewDataValue;
    text = db
      .insertInto('data_value')
      .values(Array.from({ length: n }, () => placeholder))
      .compile().sql;
    sqlByRowCount.set(n, text);
  }
  return text;
}

/**
 * Inserts many values in multi-row statements. The caller owns the transaction (one per file
 * imported), so a failure part-way leaves nothing behind. The statement text is compiled once per
 * chunk size: compiling a 500-row insert per chunk cost more than the insert itself.
 */
export async function insertDataValues(db: Db, rows: readonly NewDataValue[]): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const c of COLUMNS) parameters.push(row[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(insertSql(db, chunk.length), parameters));
  }
  return rows.length;
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

  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto('data_value')
      .values(
        chunk.map((v) => ({
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
      )
      .returning(['id', 'indicator_id'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.indicator_id, r.id]));
    for (const v of chunk) {
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
    // One statement moves every kept value to this revision, with its new figure and provenance.
    const caseOf = <T>(pick: (v: IncomingValue) => T) =>
      sql<T>`CASE indicator_id ${sql.join(
        kept.map((v) => sql`WHEN ${v.indicatorId} THEN ${pick(v)}`),
        sql` `,
      )} END`;
    const changedIds = new Set(
      kept
        .filter((v) => {
          const o = byIndicator.get(v.indicatorId)!;
          return o.num_value !== v.num || o.text_value !== v.text;
        })
        .map((v) => v.indicatorId),
    );
    await db
      .updateTable('data_value')
      .set({
        num_value: caseOf((v) => v.num),
        text_value: caseOf((v) => v.text),
        source_file_id: caseOf((v) => v.sourceFileId),
        source_sheet: caseOf((v) => v.sourceSheet),
        source_cell: caseOf((v) => v.sourceCell),
        revision_id: revisionId,
        updated_at:
          changedIds.size > 0
            ? sql<string>`CASE WHEN indicator_id IN (${sql.join([...changedIds, -1])}) THEN ${now} ELSE updated_at END`
            : sql<string>`updated_at`,
      })
      .where('submission_id', '=', submissionId)
      .where(
        'indicator_id',
        'in',
        kept.map((v) => v.indicatorId),
      )
      .execute();
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
  for (let i = 0; i < history.length; i += CHUNK)
    await db
      .insertInto('value_history')
      .values(history.slice(i, i + CHUNK))
      .execute();
  return history.length;
}

export async function replaceValueProblems(db: Db, submissionId: number, problems: ValueProblem[]): Promise<void> {
  await db.deleteFrom('value_problem').where('submission_id', '=', submissionId).execute();
  if (problems.length > 0) {
    await db
      .insertInto('value_problem')
      .values(
        problems.map((p) => ({
          submission_id: submissionId,
          indicator_id: p.indicatorId,
          severity: p.severity,
          rule: p.rule,
          message: p.message,
        })),
      )
      .execute();
  }
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
