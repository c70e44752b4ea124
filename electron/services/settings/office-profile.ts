import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { emptyOfficeProfile, officeProfileFields, type OfficeProfile } from '../../../shared/domain/office';

type Db = Kysely<Database> | Transaction<Database>;

const key = (field: keyof OfficeProfile) => `office.${field}`;

export async function getOfficeProfile(db: Db): Promise<OfficeProfile> {
  const rows = await db.selectFrom('app_setting').select(['key', 'value']).where('key', 'like', 'office.%').execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    officeProfileFields.map((f) => [f, stored.get(key(f)) ?? emptyOfficeProfile[f]]),
  ) as unknown as OfficeProfile;
}

export async function saveOfficeProfile(db: Db, profile: OfficeProfile): Promise<OfficeProfile> {
  for (const f of officeProfileFields) {
    const value = profile[f].trim();
    await db
      .insertInto('app_setting')
      .values({ key: key(f), value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
  return getOfficeProfile(db);
}
