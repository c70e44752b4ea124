import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { makeValues, seedValueFrame } from '../testing/fixtures';
import { countDataValues, insertDataValues } from './repo';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.dispose();
});

describe('insertDataValues', () => {
  it('stores every value across chunk boundaries exactly once', async () => {
    const frame = await seedValueFrame(t.db, { units: 7, indicators: 150, rounds: 1 });
    const values = makeValues(frame, 1_001);
    expect(await insertDataValues(t.db, values)).toBe(1_001);
    expect(await countDataValues(t.db)).toBe(1_001);
    const last = values.at(-1)!;
    const stored = await t.db
      .selectFrom('data_value')
      .selectAll()
      .where('submission_id', '=', last.submission_id)
      .where('indicator_id', '=', last.indicator_id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ num_value: last.num_value, source_sheet: 'Biểu 1', source_cell: last.source_cell });
  });

  it('inside a transaction, a duplicate value rolls the whole batch back', async () => {
    const frame = await seedValueFrame(t.db, { units: 2, indicators: 400, rounds: 1 });
    const values = makeValues(frame, 800);
    const withDuplicate = [...values, values[3]!];
    await expect(t.db.transaction().execute((trx) => insertDataValues(trx, withDuplicate))).rejects.toThrow(/UNIQUE/);
    expect(await countDataValues(t.db)).toBe(0);
  });
});
