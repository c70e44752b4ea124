import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const CHANGE_FACTOR_KEY = 'checks.change-factor';
/** "More than doubled, or fell below half" unless the office says otherwise. */
export const DEFAULT_CHANGE_FACTOR = 2;

export async function getChangeFactor(db: Db): Promise<number> {
  const r = await db.selectFrom('app_setting').select('value').where('key', '=', CHANGE_FACTOR_KEY).executeTakeFirst();
  const n = r ? Number(r.value) : DEFAULT_CHANGE_FACTOR;
  return Number.isFinite(n) ? n : DEFAULT_CHANGE_FACTOR;
}

export async function setChangeFactor(db: Db, factor: number): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: CHANGE_FACTOR_KEY, value: String(factor) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(factor) }))
    .execute();
}
