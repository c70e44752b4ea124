import { insertUnit, replaceEmails } from '../db/units/repo';
import type { Db } from '../db/schema';
import { foldText } from '../shared/text/fold';

export interface BenchCommune {
  id: number;
  code: string;
  name: string;
}

/**
 * The province every benchmark works in: province 51 and `count` communes under it, coded from
 * `firstCode`, named by `name(i)`, each with the addresses `emails(i)` (none unless given).
 */
export async function seedProvince(
  db: Db,
  options: {
    count: number;
    now: string;
    firstCode?: number;
    name?: (i: number) => string;
    emails?: (i: number) => string[];
  },
): Promise<{ provinceId: number; communes: BenchCommune[] }> {
  const { count, now, firstCode = 20000, name = (i) => `Xã Thử Nghiệm ${i + 1}`, emails } = options;
  const base = { valid_from: null, valid_to: null, created_at: now, updated_at: now };
  const provinceId = await insertUnit(db, {
    ...base,
    code: '51',
    name: 'Tỉnh',
    name_key: 'tinh',
    kind: 'province',
    parent_id: null,
  });
  const communes: BenchCommune[] = [];
  for (let i = 0; i < count; i++) {
    const commune = { code: String(firstCode + i), name: name(i) };
    const id = await insertUnit(db, {
      ...base,
      ...commune,
      name_key: foldText(commune.name),
      kind: 'commune',
      parent_id: provinceId,
    });
    if (emails) await replaceEmails(db, id, emails(i));
    communes.push({ id, ...commune });
  }
  return { provinceId, communes };
}
