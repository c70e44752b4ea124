import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

import type { RegisterView } from '../../../shared/domain/registers';

export async function listRegisters(ctx: ServiceContext): Promise<RegisterView[]> {
  const registers = await ctx.db.selectFrom('register').selectAll().orderBy('code').execute();
  const values = await ctx.db
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

/** Creates the register, or renames it; then records the given values (a null value removes one). */
export async function saveRegister(
  ctx: ServiceContext,
  input: {
    code: string;
    name: string;
    measureUnit: string | null;
    values: { unitId: number; year: number; value: number | null }[];
  },
): Promise<RegisterView> {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('register').select('id').where('code', '=', input.code).executeTakeFirst();
    const registerId = existing
      ? (
          await trx
            .updateTable('register')
            .set({ name: input.name, measure_unit: input.measureUnit })
            .where('id', '=', existing.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('register')
            .values({ code: input.code, name: input.name, measure_unit: input.measureUnit, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const unitIds = [...new Set(input.values.map((v) => v.unitId))];
    if (unitIds.length) {
      const found = new Set(
        (await trx.selectFrom('org_unit').select('id').where('id', 'in', unitIds).execute()).map((u) => u.id),
      );
      const missing = unitIds.filter((u) => !found.has(u));
      if (missing.length)
        throw new AppError('invalid-input', `Chưa lưu sổ theo dõi: không có đơn vị số ${missing.join(', ')}.`);
    }
    for (const v of input.values) {
      const value = v.value;
      if (value === null) {
        await trx
          .deleteFrom('register_value')
          .where('register_id', '=', registerId)
          .where('unit_id', '=', v.unitId)
          .where('year', '=', v.year)
          .execute();
      } else {
        await trx
          .insertInto('register_value')
          .values({ register_id: registerId, unit_id: v.unitId, year: v.year, value, updated_at: now })
          .onConflict((oc) => oc.columns(['register_id', 'unit_id', 'year']).doUpdateSet({ value, updated_at: now }))
          .execute();
      }
    }
  });
  return (await listRegisters(ctx)).find((r) => r.code === input.code)!;
}
