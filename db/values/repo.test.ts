import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { makeValues, seedValueFrame } from '../testing/fixtures';
import { countDataValues, insertDataValues, writeRevisionValues, type IncomingValue } from './repo';
import { insertRevision } from '../submissions/repo';

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

describe('writeRevisionValues', () => {
  it('moves kept values to the new revision in place, across statement chunks; only changed ones get a new time and history', async () => {
    const frame = await seedValueFrame(t.db, { units: 1, indicators: 620, rounds: 1 });
    const submissionId = frame.submissionIds[0]!;
    const first = await insertRevision(t.db, { submissionId, emailMessageId: null, fileId: null, now: 'T1' });
    const incoming = (k: number, num: number | null, cell: string): IncomingValue => ({
      indicatorId: frame.indicatorIds[k]!,
      num,
      text: null,
      sourceFileId: null,
      sourceSheet: 'Biểu 1',
      sourceCell: cell,
    });
    const v1 = frame.indicatorIds.map((_, k) => incoming(k, k + 0.1, `C${k}`));
    expect(await writeRevisionValues(t.db, submissionId, first.id, v1, 'a', 'T1')).toBe(620);

    const second = await insertRevision(t.db, { submissionId, emailMessageId: null, fileId: null, now: 'T2' });
    // Every third figure changes (one of them to a double that must come back bit for bit), one is cleared.
    const v2 = v1.map((v, k) =>
      k === 601 ? incoming(k, null, `D${k}`) : incoming(k, k % 3 === 0 ? 0.1 + 0.2 + k : v.num, `D${k}`),
    );
    const changed = v2.filter((v, k) => v.num !== v1[k]!.num).length;
    expect(await writeRevisionValues(t.db, submissionId, second.id, v2, 'b', 'T2')).toBe(changed);

    const rows = await t.db
      .selectFrom('data_value')
      .select(['indicator_id', 'num_value', 'revision_id', 'source_cell', 'updated_at'])
      .where('submission_id', '=', submissionId)
      .execute();
    expect(rows).toHaveLength(620);
    const byIndicator = new Map(rows.map((r) => [r.indicator_id, r]));
    v2.forEach((v, k) => {
      const row = byIndicator.get(v.indicatorId)!;
      expect(row).toEqual({
        indicator_id: v.indicatorId,
        num_value: v.num,
        revision_id: second.id,
        source_cell: `D${k}`,
        updated_at: v.num === v1[k]!.num ? 'T1' : 'T2',
      });
    });
    const history = await t.db.selectFrom('value_history').selectAll().where('revision_id', '=', second.id).execute();
    expect(history).toHaveLength(changed);
    expect(history.find((h) => h.new_num === null)).toMatchObject({ old_num: 601.1, changed_by: 'b' });
  });
});
