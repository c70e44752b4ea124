/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type { Copier, Link } from './copy-tables';
import type { CopiedUnits } from './copy-units';

/** Registers: the same code is the same register; a figure both hold differently keeps this office's, and is said. */
export async function copyRegisters(c: Copier, units: CopiedUnits): Promise<void> {
  const { db, src, out, ref, insertLink, copyRows } = c;
  const { localUnits, srcUnits } = units;
  await copyRows('register', {}, { matchOn: 'code', referredOneByOne: true });
  for (const v of src
    .prepare('SELECT v.*, r.name AS register_name FROM register_value v JOIN register r ON r.id = v.register_id')
    .all() as Link[]) {
    const registerId = ref('register', v.register_id)!;
    const unitId = ref('org_unit', v.unit_id)!;
    const here = await db
      .selectFrom('register_value')
      .select('value')
      .where('register_id', '=', registerId)
      .where('unit_id', '=', unitId)
      .where('year', '=', v.year)
      .executeTakeFirst();
    if (!here) {
      await insertLink('register_value', {
        register_id: registerId,
        unit_id: unitId,
        year: v.year,
        value: v.value,
        updated_at: v.updated_at,
      });
      out.counts.registerValues++;
    } else if (here.value !== v.value) {
      const unit = localUnits.find((u) => u.id === unitId) ?? srcUnits.find((u) => u.id === v.unit_id);
      out.conflicts.push(
        `Sổ theo dõi "${v.register_name}", ${unit?.name ?? ''}, năm ${v.year}: ở đây ${here.value}, văn phòng kia ${v.value}; giữ ${here.value}.`,
      );
    }
  }
}
