import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { getFormVersionRows } from '../../../db/forms/repo';
import { getFormDetail, saveFormRows, type EditedFormRow } from './edit-form';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

const asEdited = (rows: (EditedFormRow & { childRule?: EditedFormRow['childRule'] })[]): EditedFormRow[] =>
  rows.map(({ rowKey, numbering, text, unit, level, valueRow, valueType, childRule }) => ({
    rowKey,
    numbering,
    text,
    unit,
    level,
    valueRow,
    valueType,
    childRule,
  }));

describe('editing a form', () => {
  it('changes the version in place while no round holds figures, keeping keys and indicators', async () => {
    const { form } = await seedDemoRound(ctx);
    const before = await getFormDetail(ctx, form.id);
    const rows = asEdited(before.rows);
    rows[2] = { ...rows[2]!, text: 'Tổng số cơ sở kinh doanh dịch vụ (đã rà soát)' };
    rows.splice(3, 0, {
      numbering: '-',
      text: 'Số cơ sở mới thành lập',
      unit: 'Cơ sở',
      level: 2,
      valueRow: true,
      valueType: 'integer',
    });
    const saved = await saveFormRows(ctx, form.id, rows);
    expect(saved.form.latestVersion).toBe(1);
    expect(saved.rows).toHaveLength(103);
    expect(saved.rows[2]).toMatchObject({ rowKey: 'R003', text: 'Tổng số cơ sở kinh doanh dịch vụ (đã rà soát)' });
    expect(saved.rows[3]).toMatchObject({ rowKey: 'R103', parentRow: 2, level: 2, valueRow: true });
    const stored = await getFormVersionRows(ctx.db, saved.form.latestVersionId);
    const old = await ctx.db
      .selectFrom('indicator')
      .select('id')
      .where('name', '=', 'Tổng số cơ sở kinh doanh dịch vụ (đã rà soát)')
      .execute();
    expect(old).toHaveLength(1);
    expect(stored[2]!.indicatorId).toBe(old[0]!.id);
  });

  it("indents and outdents by level: a row's parent is the nearest row above with a smaller level", async () => {
    const { form } = await seedDemoRound(ctx);
    const rows = asEdited((await getFormDetail(ctx, form.id)).rows);
    rows[5] = { ...rows[5]!, level: rows[5]!.level + 1 }; // "+ Nhà hàng Karaoke" under "+ Cơ sở lưu trú"
    const saved = await saveFormRows(ctx, form.id, rows);
    expect(saved.rows[5]).toMatchObject({ parentRow: 5, level: 4 });
  });

  it('lets the office require that the "Trong đó" items add up to their row', async () => {
    const { form } = await seedDemoRound(ctx);
    const rows = asEdited((await getFormDetail(ctx, form.id)).rows).map((r, i) =>
      i === 2 ? { ...r, childRule: 'sum-eq-parent' as const } : r,
    );
    const saved = await saveFormRows(ctx, form.id, rows);
    expect(saved.rows[2]!.childRule).toBe('sum-eq-parent');
    const stored = await getFormVersionRows(ctx.db, saved.form.latestVersionId);
    const indicator = await ctx.db
      .selectFrom('indicator')
      .select('child_rule')
      .where('id', '=', stored[2]!.indicatorId!)
      .executeTakeFirstOrThrow();
    expect(indicator.child_rule).toBe('sum-eq-parent');
    // a row without items cannot carry a rule
    const leaf = asEdited(saved.rows).map((r, i) => (i === 4 ? { ...r, childRule: 'sum-eq-parent' as const } : r));
    expect((await saveFormRows(ctx, form.id, leaf)).rows[4]!.childRule).toBe('none');
  });

  it('makes a new version once a round on it holds figures; the old round keeps its rows', async () => {
    const { form, round } = await seedDemoRound(ctx);
    const oldRows = await getFormVersionRows(ctx.db, round.formVersionId);
    const sub = await ctx.db
      .selectFrom('submission')
      .select('id')
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('data_value')
      .values({
        submission_id: sub.id,
        indicator_id: oldRows[2]!.indicatorId!,
        num_value: 12,
        text_value: null,
        revision_id: null,
        source_file_id: null,
        source_sheet: null,
        source_cell: null,
        comment: null,
        updated_at: '2020-07-01T00:00:00Z',
      })
      .execute();
    const rows = asEdited((await getFormDetail(ctx, form.id)).rows).filter((r) => r.text !== 'Vũ trường');
    const saved = await saveFormRows(ctx, form.id, rows);
    expect(saved.form.latestVersion).toBe(2);
    expect(saved.rows).toHaveLength(101);
    expect(await getFormVersionRows(ctx.db, round.formVersionId)).toHaveLength(102);
    const newRows = await getFormVersionRows(ctx.db, saved.form.latestVersionId);
    expect(newRows[2]!.indicatorId).toBe(oldRows[2]!.indicatorId); // the same indicator across versions
  });

  it('refuses an empty text with the line named, and keeps the stored form', async () => {
    const { form } = await seedDemoRound(ctx);
    const rows = asEdited((await getFormDetail(ctx, form.id)).rows);
    const storedText = rows[7]!.text;
    rows[7] = { ...rows[7]!, text: '  ' };
    await expect(saveFormRows(ctx, form.id, rows)).rejects.toMatchObject({
      message: expect.stringContaining('dòng 8: thiếu nội dung'),
    });
    expect((await getFormDetail(ctx, form.id)).rows[7]!.text).toBe(storedText);
  });
});
