import type { Db } from '../schema';
import type { Aggregation, FormRowDraft, FormSummary } from '../../shared/domain/forms';
import { foldText } from '../../shared/text/fold';
import type { PeriodKind } from '../../shared/domain/periods';
import type { UnitKind } from '../../shared/domain/units';

export interface StoredFormRow extends FormRowDraft {
  id: number;
  rowKey: string;
  indicatorId: number | null;
}

/**
 * Stores a new form version's rows, creating an indicator for each value row. A "Trong đó" item
 * becomes a child indicator of its parent (each ≤ parent) when both count in the same unit.
 */
export async function insertFormVersionRows(
  db: Db,
  formId: number,
  versionId: number,
  rows: FormRowDraft[],
  now: string,
  /** Indicators to keep for rows that still carry the same key, unit and type (an edited form). */
  reuse: Map<string, { indicatorId: number; unit: string | null; valueType: string }> = new Map(),
): Promise<StoredFormRow[]> {
  const stored: StoredFormRow[] = [];
  for (const r of rows) {
    const parent = r.parentRow === null ? null : stored[r.parentRow - 1]!;
    let indicatorId: number | null = null;
    const kept = r.rowKey ? reuse.get(r.rowKey) : undefined;
    const sameUnitParent =
      parent?.valueRow && parent.indicatorId !== null && parent.unit === r.unit ? parent.indicatorId : null;
    const family = { parent_id: sameUnitParent, child_rule: r.childRule };
    if (r.valueRow && kept && kept.unit === r.unit && kept.valueType === r.valueType) {
      indicatorId = kept.indicatorId;
      await db
        .updateTable('indicator')
        .set({ name: r.text, name_key: foldText(r.text), aggregation: r.aggregation, ...family })
        .where('id', '=', indicatorId)
        .execute();
    } else if (r.valueRow) {
      indicatorId = (
        await db
          .insertInto('indicator')
          .values({
            code: `BM${formId}.V${versionId}.${r.rowKey ?? r.row}`,
            name: r.text,
            name_key: foldText(r.text),
            measure_unit: r.unit,
            value_type: r.valueType,
            aggregation: r.aggregation,
            ...family,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    const rowKey = r.rowKey ?? `R${String(r.row).padStart(3, '0')}`;
    const id = (
      await db
        .insertInto('form_row')
        .values({
          form_version_id: versionId,
          position: r.row,
          row_key: rowKey,
          numbering: r.numbering,
          text: r.text,
          measure_unit: r.unit,
          level: r.level,
          parent_row_id: parent?.id ?? null,
          indicator_id: indicatorId,
          is_value_row: r.valueRow ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    stored.push({ ...r, id, rowKey, indicatorId });
  }
  return stored;
}

export async function insertForm(db: Db, name: string, now: string): Promise<number> {
  return (await db.insertInto('form').values({ name, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertFormVersion(
  db: Db,
  formId: number,
  version: number,
  sourceFileId: number | null,
  now: string,
): Promise<number> {
  return (
    await db
      .insertInto('form_version')
      .values({ form_id: formId, version, period_type: null, source_file_id: sourceFileId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function listFormSummaries(db: Db): Promise<FormSummary[]> {
  const rows = await db
    .selectFrom('form')
    .innerJoin('form_version as v', 'v.form_id', 'form.id')
    .leftJoin('form_row as r', 'r.form_version_id', 'v.id')
    .select((eb) => [
      'form.id',
      'form.name',
      'form.created_at',
      'v.id as version_id',
      'v.version',
      eb.fn.count<number>('r.id').as('rows'),
      eb.fn.sum<number>('r.is_value_row').as('value_rows'),
    ])
    .groupBy(['form.id', 'v.id'])
    .orderBy('form.id')
    .orderBy('v.version')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.id, r); // ordered by version: the last one wins
  return [...latest.values()].map((r) => ({
    id: r.id,
    name: r.name,
    latestVersion: r.version,
    latestVersionId: r.version_id,
    rows: Number(r.rows),
    valueRows: Number(r.value_rows ?? 0),
    createdAt: r.created_at,
  }));
}

export async function getFormVersionRows(db: Db, versionId: number): Promise<StoredFormRow[]> {
  const rows = await db
    .selectFrom('form_row')
    .leftJoin('indicator', 'indicator.id', 'form_row.indicator_id')
    .select([
      'form_row.id',
      'form_row.position',
      'form_row.row_key',
      'form_row.numbering',
      'form_row.text',
      'form_row.measure_unit',
      'form_row.level',
      'form_row.parent_row_id',
      'form_row.indicator_id',
      'form_row.is_value_row',
      'indicator.value_type',
      'indicator.aggregation',
      'indicator.child_rule',
    ])
    .where('form_row.form_version_id', '=', versionId)
    .orderBy('form_row.position')
    .execute();
  const positionById = new Map(rows.map((r) => [r.id, r.position]));
  return rows.map((r) => ({
    id: r.id,
    row: r.position,
    rowKey: r.row_key,
    numbering: r.numbering,
    text: r.text,
    unit: r.measure_unit,
    parentRow: r.parent_row_id === null ? null : (positionById.get(r.parent_row_id) ?? null),
    level: r.level,
    valueRow: r.is_value_row === 1,
    valueType: r.value_type ?? 'integer',
    aggregation: r.aggregation ?? 'none',
    childRule: r.child_rule ?? 'none',
    indicatorId: r.indicator_id,
    notes: [],
  }));
}

export async function latestVersionId(db: Db, formId: number): Promise<number | null> {
  const r = await db
    .selectFrom('form_version')
    .select('id')
    .where('form_id', '=', formId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** True when any round on this form version already holds a figure. */
export async function versionHasData(db: Db, versionId: number): Promise<boolean> {
  const r = await db
    .selectFrom('data_value as d')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .select('d.id')
    .where('r.form_version_id', '=', versionId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteFormVersionRows(db: Db, versionId: number): Promise<void> {
  await db.deleteFrom('form_row').where('form_version_id', '=', versionId).execute();
}

/** The highest row-key number used in any version of a form, so new rows get fresh keys. */
export async function maxRowKeyNumber(db: Db, formId: number): Promise<number> {
  const rows = await db
    .selectFrom('form_row')
    .innerJoin('form_version', 'form_version.id', 'form_row.form_version_id')
    .select('form_row.row_key')
    .where('form_version.form_id', '=', formId)
    .execute();
  return rows.reduce((m, r) => Math.max(m, Number(/^R(\d+)$/.exec(r.row_key)?.[1] ?? 0)), 0);
}

/** The bounds the office set on indicators (a figure outside them is an error). */
export async function listIndicatorBounds(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { min_value: number | null; max_value: number | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicator')
    .select(['id', 'min_value', 'max_value'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((b) => [b.id, b]));
}

/** Which of the ids are indicators on some version of the form. */
export async function indicatorsOfForm(db: Db, formId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('form_row as r')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .select('r.indicator_id')
    .where('v.form_id', '=', formId)
    .where('r.indicator_id', 'in', [...ids])
    .execute();
  return new Set(rows.flatMap((k) => (k.indicator_id === null ? [] : [k.indicator_id])));
}

export async function formExists(db: Db, formId: number): Promise<boolean> {
  return (await db.selectFrom('form').select('id').where('id', '=', formId).executeTakeFirst()) !== undefined;
}

/** Each indicator with the indicator it continues (same_as_id), if any. */
export async function listIndicatorLinks(db: Db, ids?: readonly number[]) {
  let q = db.selectFrom('indicator').select(['id', 'same_as_id']);
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', [...ids]);
  }
  return q.execute();
}

/** Every indicator of the lineages rooted at the ids (the roots and those linked to them). */
export async function listLineageMembers(db: Db, roots: readonly number[]) {
  if (roots.length === 0) return [];
  return db
    .selectFrom('indicator')
    .select(['id', 'same_as_id', 'name', 'measure_unit', 'value_type', 'aggregation'])
    .where((eb) => eb.or([eb('id', 'in', [...roots]), eb('same_as_id', 'in', [...roots])]))
    .execute();
}

/** Which of the indicators each of the form versions asks for. */
export async function listFormVersionIndicators(
  db: Db,
  versionIds: readonly number[],
  indicatorIds: readonly number[],
): Promise<{ form_version_id: number; indicator_id: number }[]> {
  if (versionIds.length === 0 || indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('form_row')
    .select(['form_version_id', 'indicator_id'])
    .where('indicator_id', 'in', [...indicatorIds])
    .where('form_version_id', 'in', [...versionIds])
    .execute();
  return rows.flatMap((r) => (r.indicator_id === null ? [] : [{ ...r, indicator_id: r.indicator_id }]));
}

/** The indicators with what they continue and their unit of measure (to check a link between them). */
export async function listIndicatorsForLinking(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('indicator')
    .select(['id', 'same_as_id', 'measure_unit'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Links an indicator to a lineage's root (or unlinks it); whatever continued it now continues that root. */
export async function setIndicatorLink(db: Db, indicatorId: number, root: number | null): Promise<void> {
  await db.updateTable('indicator').set({ same_as_id: root }).where('id', '=', indicatorId).execute();
  await db
    .updateTable('indicator')
    .set({ same_as_id: root ?? indicatorId })
    .where('same_as_id', '=', indicatorId)
    .execute();
}

/** Every numeric indicator asked for on a form's value row, with the form's name, in form and row order. */
export async function listIndicatorsOnForms(db: Db) {
  return db
    .selectFrom('form_row as r')
    .innerJoin('form_version as v', 'v.id', 'r.form_version_id')
    .innerJoin('form as f', 'f.id', 'v.form_id')
    .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
    .select(['i.id', 'i.same_as_id', 'i.name', 'i.measure_unit', 'i.value_type', 'f.name as form_name', 'r.position'])
    .where('r.is_value_row', '=', 1)
    .where('i.value_type', '<>', 'text')
    .orderBy('f.id')
    .orderBy('r.position')
    .execute();
}

/** Each indicator's aggregation rule, by id. */
export async function listAggregations(db: Db, ids: readonly number[]): Promise<Map<number, Aggregation>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicator')
    .select(['id', 'aggregation'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((i) => [i.id, i.aggregation]));
}

/** A form's name, if there is such a form. */
export async function getForm(db: Db, formId: number) {
  return db.selectFrom('form').select(['id', 'name']).where('id', '=', formId).executeTakeFirst();
}

/** The kind of period a form version is for and the kinds of unit that fill it. */
export async function setFormVersionScope(
  db: Db,
  versionId: number,
  scope: { periodType: PeriodKind | null; unitKinds: readonly UnitKind[] },
): Promise<void> {
  await db
    .updateTable('form_version')
    .set({ period_type: scope.periodType, unit_kinds: JSON.stringify(scope.unitKinds) })
    .where('id', '=', versionId)
    .execute();
}
