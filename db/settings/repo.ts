import type { Db } from '../schema';

export async function readSetting(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('app_setting').where('key', '=', key).execute();
}

/** Every setting whose key starts with the prefix, by key. */
export async function readSettingsWithPrefix(db: Db, prefix: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('app_setting').select(['key', 'value']).where('key', 'like', `${prefix}%`).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}
