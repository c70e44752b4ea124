import type { Db } from '../../../db/schema';
import { emptyOfficeProfile, officeProfileFields, type OfficeProfile } from '../../../shared/domain/office';
import { readSettingsWithPrefix, writeSetting } from '../../../db/settings/repo';

const key = (field: keyof OfficeProfile) => `office.${field}`;

export async function getOfficeProfile(db: Db): Promise<OfficeProfile> {
  const stored = await readSettingsWithPrefix(db, 'office.');
  return Object.fromEntries(
    officeProfileFields.map((f) => [f, stored.get(key(f)) ?? emptyOfficeProfile[f]]),
  ) as unknown as OfficeProfile;
}

export async function saveOfficeProfile(db: Db, profile: OfficeProfile): Promise<OfficeProfile> {
  for (const f of officeProfileFields) {
    const value = profile[f].trim();
    await writeSetting(db, key(f), value);
  }
  return getOfficeProfile(db);
}
