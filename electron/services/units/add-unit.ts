import { AppError } from '../../../shared/errors';
import type { UnitKind } from '../../../shared/domain/units';
import { listCurrentUnitsByCode } from '../../../db/units/repo';
import type { ServiceContext } from '../context';
import { importUnitRows } from './import-units';

/**
 * Adds one unit typed in the window (an agency a plan names that the list lacks), as a one-line unit
 * list: the same checks and the same record. A code already in use is refused, naming its unit.
 * Under the province when no parent is given. Returns the new unit's id.
 */
export async function addUnit(
  ctx: ServiceContext,
  input: { code: string; name: string; kind: UnitKind; parentCode?: string },
): Promise<number> {
  const current = await listCurrentUnitsByCode(ctx.db);
  const taken = current.get(input.code);
  if (taken)
    throw new AppError('conflict', `Mã "${input.code}" đã là của ${taken.name}; hãy chọn đơn vị đó, hoặc đặt mã khác.`);
  const province = [...current.values()].find((u) => u.kind === 'province');
  const parentCode = input.parentCode ?? province?.code ?? null;
  await importUnitRows(ctx, 'nhập trong phần mềm', [
    { line: 1, code: input.code, name: input.name, kind: input.kind, parentCode, emails: [] },
  ]);
  const added = (await listCurrentUnitsByCode(ctx.db)).get(input.code);
  if (!added) throw new AppError('internal', `Chưa thêm được đơn vị "${input.name}".`);
  return added.id;
}
