import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/test-db';
import { withBatchDurability } from './batch-durability';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.dispose();
});

const synchronous = async () =>
  (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(t.db)).rows[0]!.synchronous;

describe('batch durability', () => {
  it('relaxes the per-commit sync during a batch and restores FULL after it, also when the batch fails', async () => {
    expect(await synchronous()).toBe(2); // FULL
    const during = await withBatchDurability(t.db, synchronous);
    expect(during).toBe(1); // NORMAL
    expect(await synchronous()).toBe(2);
    await expect(withBatchDurability(t.db, () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await synchronous()).toBe(2);
  });

  it('what the batch committed is in the main file after the final checkpoint', async () => {
    await withBatchDurability(t.db, () => t.db.insertInto('app_setting').values({ key: 'k', value: 'v' }).execute());
    const wal = (
      await sql<{ busy: number; log: number; checkpointed: number }>`PRAGMA wal_checkpoint(PASSIVE)`.execute(t.db)
    ).rows[0]!;
    expect(wal.log).toBe(wal.checkpointed);
    expect(await t.db.selectFrom('app_setting').selectAll().where('key', '=', 'k').execute()).toEqual([
      { key: 'k', value: 'v' },
    ]);
  });
});
