import type { Db } from '../schema';
import type { RegisterView } from '../../shared/domain/registers';

/** Every register with its values, by code, each value with its unit. */
export async function listRegisterViews(db: Db): Promise<RegisterView[]> {
  const registers = await db.selectFrom('register').selectAll().orderBy('code').execute();
  const values = await db
    .selectFrom('register_value as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.register_id', 'v.unit_id', 'u.code', 'u.name', 'v.year', 'v.value'])
    .orderBy('v.year')
    .orderBy('u.code')
    .execute();
  return registers.map((r) => ({
    code: r.code,
    name: r.name,
    measureUnit: r.measure_unit,
    values: values
      .filter((v) => v.register_id === r.id)
      .map((v) => ({ unitId: v.unit_id, unitCode: v.code, unitName: v.name, year: v.year, value: v.value })),
  }));
}

/** Creates the register with the code, or renames it; returns its id. */
export async function upsertRegister(
  db: Db,
  r: { code: string; name: string; measureUnit: string | null },
  now: string,
): Promise<number> {
  const existing = await db.selectFrom('register').select('id').where('code', '=', r.code).executeTakeFirst();
  if (existing) {
    await db
      .updateTable('register')
      .set({ name: r.name, measure_unit: r.measureUnit })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  return (
    await db
      .insertInto('register')
      .values({ code: r.code, name: r.name, measure_unit: r.measureUnit, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Sets one unit's value for a year, or removes it when the value is null. */
export async function writeRegisterValue(
  db: Db,
  registerId: number,
  v: { unitId: number; year: number; value: number | null },
  now: string,
): Promise<void> {
  const value = v.value;
  if (value === null) {
    await db
      .deleteFrom('register_value')
      .where('register_id', '=', registerId)
      .where('unit_id', '=', v.unitId)
      .where('year', '=', v.year)
      .execute();
    return;
  }
  await db
    .insertInto('register_value')
    .values({ register_id: registerId, unit_id: v.unitId, year: v.year, value, updated_at: now })
    .onConflict((oc) => oc.columns(['register_id', 'unit_id', 'year']).doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** The registers with these codes. */
export async function listRegistersByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('register')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
}

/** Every value of the registers with these codes, with the register's code and name. */
export async function listRegisterValues(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('register_value as v')
    .innerJoin('register as r', 'r.id', 'v.register_id')
    .select(['r.code', 'r.name', 'v.unit_id', 'v.year', 'v.value'])
    .where('r.code', 'in', [...codes])
    .execute();
}
