import type { Db } from '../../../db/schema';
import { readSetting, writeSetting } from '../../../db/settings/repo';

const CHANGE_FACTOR_KEY = 'checks.change-factor';
/** "More than doubled, or fell below half" unless the office says otherwise. */
export const DEFAULT_CHANGE_FACTOR = 2;

export async function getChangeFactor(db: Db): Promise<number> {
  const r = await readSetting(db, CHANGE_FACTOR_KEY);
  const n = r !== null ? Number(r) : DEFAULT_CHANGE_FACTOR;
  return Number.isFinite(n) ? n : DEFAULT_CHANGE_FACTOR;
}

export async function setChangeFactor(db: Db, factor: number): Promise<void> {
  await writeSetting(db, CHANGE_FACTOR_KEY, String(factor));
}
