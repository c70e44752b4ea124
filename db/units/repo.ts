import type { Db, NewOrgUnit, OrgUnitRow, OrgUnitUpdate } from '../schema';
import type { Unit } from '../../shared/domain/units';

function toUnit(row: OrgUnitRow, parentCode: string | null, emails: string[]): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    parentCode,
    emails,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Units valid on `asOf` (ISO date), or currently valid units when no date is given. */
export async function listUnits(db: Db, asOf?: string): Promise<Unit[]> {
  let q = db.selectFrom('org_unit').selectAll();
  q = asOf
    ? q
        .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    : q.where('valid_to', 'is', null);
  const rows = await q.execute();
  const emails = await db.selectFrom('org_unit_email').select(['unit_id', 'email']).orderBy('email').execute();
  const emailsByUnit = new Map<number, string[]>();
  for (const e of emails) {
    const list = emailsByUnit.get(e.unit_id) ?? [];
    list.push(e.email);
    emailsByUnit.set(e.unit_id, list);
  }
  const codeById = new Map<number, string>();
  // Parents may lie outside the filtered set (an expired parent); look their codes up too.
  for (const r of await db.selectFrom('org_unit').select(['id', 'code']).execute()) codeById.set(r.id, r.code);
  // On a past day, a unit's parent is the one it had then.
  const formerParent = new Map<number, number | null>();
  if (asOf) {
    const former = await db
      .selectFrom('org_unit_former_parent')
      .select(['unit_id', 'parent_id'])
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
      .where('valid_to', '>', asOf)
      .execute();
    for (const f of former) formerParent.set(f.unit_id, f.parent_id);
  }
  return rows.map((r) => {
    const parentId = formerParent.has(r.id) ? formerParent.get(r.id)! : r.parent_id;
    return toUnit(
      { ...r, parent_id: parentId },
      parentId === null ? null : (codeById.get(parentId) ?? null),
      emailsByUnit.get(r.id) ?? [],
    );
  });
}

export async function listCurrentUnitsByCode(db: Db): Promise<Map<string, OrgUnitRow>> {
  const rows = await db.selectFrom('org_unit').selectAll().where('valid_to', 'is', null).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertUnit(db: Db, unit: NewOrgUnit): Promise<number> {
  const row = await db.insertInto('org_unit').values(unit).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(db: Db, id: number, changes: OrgUnitUpdate): Promise<void> {
  await db.updateTable('org_unit').set(changes).where('id', '=', id).execute();
}

export async function listEmails(db: Db, unitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit_email')
    .select('email')
    .where('unit_id', '=', unitId)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

export async function replaceEmails(db: Db, unitId: number, emails: string[]): Promise<void> {
  await db.deleteFrom('org_unit_email').where('unit_id', '=', unitId).execute();
  if (emails.length > 0) {
    await db
      .insertInto('org_unit_email')
      .values(emails.map((email) => ({ unit_id: unitId, email })))
      .execute();
  }
}

export async function countCurrentUnits(db: Db): Promise<number> {
  const r = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ids of units whose parent chain loops back to themselves. */
export async function findParentCycles(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('org_unit').select(['id', 'parent_id']).execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const inCycle: number[] = [];
  for (const { id } of rows) {
    const seen = new Set<number>();
    let cur: number | null | undefined = id;
    while (cur !== null && cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      cur = parent.get(cur);
    }
    if (cur === id) inCycle.push(id);
  }
  return inCycle;
}

/** Every unit that has carried a code, whatever its validity (codes were reused in 2025). */
export async function listUnitsWithCode(db: Db, code: string, exceptId?: number): Promise<OrgUnitRow[]> {
  let q = db.selectFrom('org_unit').selectAll().where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.execute();
}

export async function getUnitRow(db: Db, id: number): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listChildUnits(db: Db, parentId: number): Promise<OrgUnitRow[]> {
  return db.selectFrom('org_unit').selectAll().where('parent_id', '=', parentId).execute();
}

/** Code and name of every unit, current or not, by id. */
export async function listUnitNames(db: Db): Promise<Map<number, { id: number; code: string; name: string }>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'code', 'name']).execute();
  return new Map(rows.map((u) => [u.id, u]));
}

/** Whether the unit has answered any round (a unit with figures cannot be given a later start). */
export async function unitHasReported(db: Db, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('submission')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('status', '!=', 'expected')
    .executeTakeFirst();
  return row !== undefined;
}

/** Every unit ever recorded, with its kind and validity. */
export async function listAllUnitRows(db: Db) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'kind', 'valid_from', 'valid_to']).execute();
}

/** Units that begin after the day (a code they carry is held by them from then). */
export async function listUnitsStartingAfter(db: Db, day: string) {
  return db.selectFrom('org_unit').select(['code', 'valid_from']).where('valid_from', '>', day).execute();
}

/** The units standing today (no end day), with their kind. */
export async function listCurrentUnitRows(db: Db) {
  return db.selectFrom('org_unit').select(['id', 'name', 'kind']).where('valid_to', 'is', null).execute();
}
