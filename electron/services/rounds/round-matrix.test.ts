import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import { aggregateValues } from '../../../shared/domain/aggregate';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { saveValues } from '../submissions/save-values';
import { createRound } from './create-round';
import { getRoundMatrix } from './round-matrix';
import { rollupRound } from './rollup';
import { freezeRound, listSnapshots } from './snapshots';
import { compareRounds, linkIndicator } from './compare-rounds';
import { importFormFile } from '../forms/import-form';
import { changeSubmissionStatus } from '../submissions/workflow';
import fs from 'node:fs';
import path from 'node:path';
import { seedAppendixDocx } from '../../../tests/fixtures/seed-appendix';

let ctx: TestContext;
let formId: number;
let rows: StoredFormRow[];
let unitId: (code: string) => number;
let ind: (start: string, nth?: number) => number;

beforeEach(async () => {
  ctx = await createTestContext(new Date('2025-12-20T03:00:00Z'));
  const seeded = await seedDemoRound(ctx);
  formId = seeded.form.id;
  rows = await getFormVersionRows(ctx.db, seeded.round.formVersionId);
  // Two communes of Bình Sơn, so the matrix has a district's subtotal.
  const bs = await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '524').executeTakeFirstOrThrow();
  const now = '2025-01-01T00:00:00.000Z';
  for (const [code, name] of [
    ['20200', 'Xã Bình Thạnh'],
    ['20203', 'Xã Bình Chánh'],
  ] as const) {
    await ctx.db
      .insertInto('org_unit')
      .values({
        code,
        name,
        name_key: name.toLowerCase(),
        kind: 'commune',
        parent_id: bs.id,
        valid_from: null,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
  unitId = (code) => units.find((u) => u.code === code)!.id;
  ind = (start, nth = 0) => rows.filter((r) => r.valueRow && r.text.startsWith(start))[nth]!.indicatorId!;
});
afterEach(async () => {
  await ctx.dispose();
});

async function yearRound(year: number, units = ['20200', '20203', '534', 'CA']) {
  return createRound(ctx, {
    formId,
    period: String(year),
    cutoffDate: `${year}-12-14`,
    deadline: `${year}-12-20`,
    units,
  });
}

const type = (roundId: number, code: string, changes: [number, number | string | null][]) =>
  saveValues(ctx, {
    roundId,
    unitId: unitId(code),
    how: 'typed',
    changes: changes.map(([indicatorId, value]) => ({ indicatorId, value })),
  });

describe('round matrix', () => {
  it('units in tree order with a subtotal per parent, the province total by rule, and flags for errors and blanks', async () => {
    const round = await yearRound(2025);
    const total = ind('Tổng số cơ sở kinh doanh');
    const karaoke = ind('Nhà hàng Karaoke');
    await type(round.id, '20200', [
      [total, 10],
      [karaoke, 4],
    ]);
    await type(round.id, '20203', [
      [total, 5],
      [karaoke, 7],
    ]); // 7 > 5: a "Trong đó" error
    await type(round.id, '534', [[total, 20]]); // karaoke left blank
    const m = await getRoundMatrix(ctx, round.id);
    expect(m.columns.map((c) => [c.kind, c.label, c.missing])).toEqual([
      ['unit', 'Công an tỉnh', true],
      ['unit', 'Xã Bình Thạnh', false],
      ['unit', 'Xã Bình Chánh', false],
      ['subtotal', 'Cộng Huyện Bình Sơn', false],
      ['unit', 'Thị xã Đức Phổ', false],
      ['total', 'Toàn tỉnh', false],
    ]);
    const rowOf = (i: number) => m.rows.find((r) => r.indicatorId === i)!;
    expect(rowOf(total).cells).toEqual([null, 10, 5, 15, 20, 35]);
    expect(rowOf(karaoke).cells).toEqual([null, 4, 7, 11, null, 11]);
    expect(rowOf(karaoke).flags).toEqual([null, null, 'error', null, 'missing', null]);
    // A heading row carries no figures.
    expect(m.rows.find((r) => r.text === 'Thực trạng tình hình')!.cells.every((c) => c === null)).toBe(true);
  });

  it('the SQL roll-up gives exactly the matrix’s province totals, by each aggregation rule', async () => {
    const round = await yearRound(2025);
    await ctx.db
      .updateTable('indicator')
      .set({ aggregation: 'average' })
      .where('id', '=', ind('Số lượng mô hình'))
      .execute();
    await ctx.db
      .updateTable('indicator')
      .set({ aggregation: 'none' })
      .where('id', '=', ind('Số cuộc truy quét'))
      .execute();
    const fine = ind('Số tiền phạt');
    await type(round.id, '20200', [
      [fine, '12,5'],
      [ind('Số lượng mô hình'), 1],
      [ind('Số cuộc truy quét'), 2],
    ]);
    await type(round.id, '20203', [
      [fine, '0,1'],
      [ind('Số lượng mô hình'), 2],
    ]);
    await type(round.id, '534', [
      [fine, '0,2'],
      [ind('Số cuộc truy quét'), 5],
    ]);
    const m = await getRoundMatrix(ctx, round.id);
    const totals = await rollupRound(ctx.db, round.id);
    for (const r of m.rows.filter((x) => x.valueRow)) {
      expect(totals.get(r.indicatorId!)?.value ?? null, r.text).toBe(r.cells.at(-1));
    }
    expect(totals.get(fine)!.value).toBe(12.8);
    expect(totals.get(ind('Số lượng mô hình'))!.value).toBe(1.5);
    expect(totals.get(ind('Số cuộc truy quét'))).toMatchObject({ value: null, reported: 2 });
    expect(m.rows.find((r) => r.indicatorId === ind('Số cuộc truy quét'))!.totalNote).toBe(
      'Chỉ tiêu này không tổng hợp lên toàn tỉnh.',
    );
    // Same values through the pure rule, for good measure.
    expect(aggregateValues('sum', [12.5, 0.1, 0.2]).value).toBe(12.8);
  });
});

describe('snapshots', () => {
  it('freezes what was sent upward; later corrections change the round, never the snapshot, which no statement can alter', async () => {
    const round = await yearRound(2025);
    const total = ind('Tổng số cơ sở kinh doanh');
    await type(round.id, '20200', [[total, 10]]);
    await type(round.id, '534', [[total, 20]]);
    const snap = await freezeRound(ctx, { roundId: round.id, note: 'Báo cáo số 12/BC-UBND gửi Bộ Công an' });
    expect(snap.totals.find((t) => t.indicatorId === total)).toEqual({ indicatorId: total, value: 30, reported: 2 });

    await type(round.id, '534', [[total, 25]]);
    expect((await rollupRound(ctx.db, round.id)).get(total)!.value).toBe(35);
    const [again] = await listSnapshots(ctx, round.id);
    expect(again!.totals.find((t) => t.indicatorId === total)!.value).toBe(30);

    await expect(
      ctx.db.updateTable('snapshot_value').set({ num_value: 35 }).where('snapshot_id', '=', snap.id).execute(),
    ).rejects.toThrow(/snapshot-frozen/);
    await expect(ctx.db.deleteFrom('snapshot_value').where('snapshot_id', '=', snap.id).execute()).rejects.toThrow(
      /snapshot-frozen/,
    );
    await expect(ctx.db.deleteFrom('round_snapshot').where('id', '=', snap.id).execute()).rejects.toThrow(
      /snapshot-frozen/,
    );
    await expect(freezeRound(ctx, { roundId: round.id, note: ' ' })).rejects.toThrow(/Cần ghi nơi gửi/);
  });
});

describe('period comparison', () => {
  it('the province’s totals across years with absolute and percentage change', async () => {
    const total = ind('Tổng số cơ sở kinh doanh');
    const r24 = await yearRound(2024, ['534', 'CA']);
    const r25 = await yearRound(2025, ['534', 'CA']);
    await type(r24.id, '534', [[total, 40]]);
    await type(r24.id, 'CA', [[total, 10]]);
    await type(r25.id, '534', [[total, 45]]);
    await type(r25.id, 'CA', [[total, 15]]);
    const c = await compareRounds(ctx, { roundIds: [r25.id, r24.id] });
    expect(c.rounds.map((r) => r.periodCode)).toEqual(['2024', '2025']);
    const row = c.rows.find((r) => r.text.startsWith('Tổng số cơ sở kinh doanh'))!;
    expect(row.values).toEqual([50, 60]);
    expect(row.changes).toEqual([{ absolute: 10, percent: 20 }]);
    const unit = await compareRounds(ctx, { roundIds: [r24.id, r25.id], unitId: unitId('CA') });
    expect(unit.rows.find((r) => r.text.startsWith('Tổng số cơ sở kinh doanh'))!.changes).toEqual([
      { absolute: 5, percent: 50 },
    ]);
  });

  it('compares across a form change: by link, by the same text and unit (saying so), never across units of measure', async () => {
    const r24 = await yearRound(2024, ['534']);
    await type(r24.id, '534', [
      [ind('Tổng số cơ sở kinh doanh'), 40],
      [ind('Vũ trường'), 3],
      [ind('Số tiền phạt'), 10],
    ]);
    // A new form for 2025 (same appendix imported again: new indicators), one row's unit changed.
    const file = path.join(ctx.database.dir, 'phu-luc-2025.docx');
    fs.writeFileSync(file, await seedAppendixDocx());
    const form2 = await importFormFile(ctx, file, 'Biểu mẫu 2025');
    const rows2 = form2.rows;
    const ind2 = (start: string) => rows2.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    await ctx.db
      .updateTable('form_row')
      .set({ measure_unit: 'Nghìn đồng' })
      .where('indicator_id', '=', ind2('Số tiền phạt'))
      .execute();
    await ctx.db
      .updateTable('form_row')
      .set({ text: 'Tổng số cơ sở kinh doanh dịch vụ nhạy cảm' })
      .where('indicator_id', '=', ind2('Tổng số cơ sở kinh doanh'))
      .execute();
    const r25 = await createRound(ctx, {
      formId: form2.id,
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
      units: ['534'],
    });
    await saveValues(ctx, {
      roundId: r25.id,
      unitId: unitId('534'),
      how: 'typed',
      changes: [
        { indicatorId: ind2('Tổng số cơ sở kinh doanh'), value: 50 },
        { indicatorId: ind2('Vũ trường'), value: 6 },
        { indicatorId: ind2('Số tiền phạt'), value: 9000 },
      ],
    });

    let c = await compareRounds(ctx, { roundIds: [r24.id, r25.id] });
    const rowOf = (start: string) => c.rows.find((r) => r.text.startsWith(start))!;
    expect(rowOf('Vũ trường')).toMatchObject({
      values: [3, 6],
      changes: [{ absolute: 3, percent: 100 }],
      notes: ['2024: khớp theo tên chỉ tiêu.'],
    });
    expect(rowOf('Tổng số cơ sở kinh doanh').values).toEqual([null, 50]);
    expect(rowOf('Số tiền phạt')).toMatchObject({
      values: [null, 9000],
      notes: [expect.stringContaining('đơn vị tính khác')],
    });

    await linkIndicator(ctx, {
      indicatorId: ind2('Tổng số cơ sở kinh doanh'),
      sameAsId: ind('Tổng số cơ sở kinh doanh'),
    });
    c = await compareRounds(ctx, { roundIds: [r24.id, r25.id] });
    expect(rowOf('Tổng số cơ sở kinh doanh')).toMatchObject({
      values: [40, 50],
      changes: [{ absolute: 10, percent: 25 }],
      notes: [],
    });
    await expect(linkIndicator(ctx, { indicatorId: ind2('Số tiền phạt'), sameAsId: ind('Vũ trường') })).rejects.toThrow(
      /đơn vị tính khác nhau/,
    );
  });
});

describe('history of a locked round', () => {
  it('approval keeps figures; the province total still counts approved units', async () => {
    const round = await yearRound(2025, ['534']);
    await type(round.id, '534', [[ind('Vũ trường'), 3]]);
    await changeSubmissionStatus(ctx, { roundId: round.id, unitId: unitId('534'), action: 'approve' });
    expect((await rollupRound(ctx.db, round.id)).get(ind('Vũ trường'))!.value).toBe(3);
  });
});
