import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { existingIds } from '../../../db/plans/repo';
import { listRegisterViews, upsertRegister, writeRegisterValue } from '../../../db/registers/repo';
import type { RegisterView } from '../../../shared/domain/registers';

export async function listRegisters(ctx: ServiceContext): Promise<RegisterView[]> {
  return listRegisterViews(ctx.db);
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
    const registerId = await upsertRegister(trx, input, now);
    const unitIds = [...new Set(input.values.map((v) => v.unitId))];
    const found = await existingIds(trx, 'org_unit', unitIds);
    const missing = unitIds.filter((u) => !found.has(u));
    if (missing.length)
      throw new AppError('invalid-input', `Chưa lưu sổ theo dõi: không có đơn vị số ${missing.join(', ')}.`);
    for (const v of input.values) await writeRegisterValue(trx, registerId, v, now);
  });
  return (await listRegisters(ctx)).find((r) => r.code === input.code)!;
}
