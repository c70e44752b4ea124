import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { listPlans } from '../plans/list-plans';
import { listUnitTree } from '../units/list-units';
import { createDemo } from './create-demo';
import { evaluateTargets } from '../targets/evaluate-targets';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

describe('demo data from the seed plans', () => {
  it('builds the province, its 13 districts and the departments the plan assigns work to', async () => {
    await createDemo(ctx);
    const tree = await listUnitTree(ctx);
    expect(tree[0]).toMatchObject({ code: '51', name: 'Tỉnh Quảng Ngãi', level: 0 });
    expect(tree.filter((u) => u.kind === 'district')).toHaveLength(13);
    expect(tree.filter((u) => u.level === 1)).toHaveLength(tree.length - 1);
    expect(tree.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Sở Y tế', 'Công an tỉnh', 'Sở Văn hóa, Thể thao và Du lịch', 'Thị xã Đức Phổ']),
    );
  });

  it('records the 2025 plan under the 2021-2025 programme with its targets and tasks as the plan states them', async () => {
    await createDemo(ctx);
    const plans = await listPlans(ctx);
    const plan = plans.find((p) => p.type === 'annual');
    expect(plan).toMatchObject({
      docDate: '2025-04-10',
      type: 'annual',
      periodStart: 2025,
      issuer: 'UBND tỉnh Quảng Ngãi',
    });
    expect(plan!.targets.map((t) => [t.code, t.comparator, t.threshold])).toEqual([
      ['a', '>=', 100],
      ['b', '>=', 70],
      ['c', '>=', 50],
      ['d.1', '>=', 70],
      ['d.2', '>=', 60],
      ['d.3', '>=', 70],
      ['đ', '>=', 100],
      ['e', '>=', 100],
      ['g', '>=', 20],
    ]);
    const inspect = plan!.targets.find((t) => t.code === 'g');
    expect(inspect?.text).toContain('kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ');
    expect(plan!.tasks).toHaveLength(11);
    expect(plan!.tasks[2]).toMatchObject({
      leadUnitName: 'Công an tỉnh',
      coordinatingUnitNames: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế'],
    });
    expect(plan!.tasks.at(-1)).toMatchObject({ leadUnitName: 'Sở Y tế', deadline: '2025-11-30' });
    const full = await ctx.db
      .selectFrom('plan')
      .select('full_text')
      .where('id', '=', plan!.id)
      .executeTakeFirstOrThrow();
    expect(full.full_text).toContain('Trong năm tổ chức kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ');
  });

  it("with history, fills five years of district figures that evaluate the seed plans' targets", async () => {
    const summary = await createDemo(ctx, { history: true });
    expect(summary).toMatchObject({ plans: 2, targets: 15, rounds: 5 });
    const list = await evaluateTargets(ctx);
    const programme = list.filter((e) => e.planId === list.find((x) => x.code === '3')!.planId);
    // Every programme target is measured each year 2021-2025 (growth has no 2020 to compare with).
    expect(new Set(programme.map((e) => e.period))).toEqual(new Set(['2021', '2022', '2023', '2024', '2025']));
    expect(programme.find((e) => e.code === '3' && e.period === '2021')).toMatchObject({ status: 'no-data' });
    const statuses = new Set(programme.filter((e) => e.period !== '2021' || e.code !== '3').map((e) => e.status));
    expect(statuses).toEqual(new Set(['met', 'not-met', 'at-risk']));
    // Sơn Tây had no integrated plan in 2021-2022; Ba Tơ has not sent 2025 yet.
    expect(programme.find((e) => e.code === '2' && e.period === '2021')).toMatchObject({
      status: 'not-met',
      actual: 92.31,
    });
    expect(programme.find((e) => e.code === '2' && e.period === '2023')).toMatchObject({ status: 'met', actual: 100 });
    expect(programme.find((e) => e.code === '4' && e.period === '2025')!.explanation).toContain(
      '12/13 đơn vị đã gửi báo cáo',
    );
    // The 2025 annual plan: the targets with rows in the form have figures, the others say they are not linked.
    const annual = list.filter((e) => e.period === '2025' && e.planId !== programme[0]!.planId);
    expect(annual.filter((e) => e.status !== 'no-data').map((e) => e.code)).toEqual(['a', 'b', 'g']);
    expect(annual.find((e) => e.code === 'c')!.explanation).toBe(
      'Thiếu số liệu: Chưa gắn chỉ tiêu với số liệu nào trong biểu mẫu.',
    );
    // The figures keep the form's "Trong đó" rules: no value problem anywhere.
    expect(await ctx.db.selectFrom('value_problem').select('id').execute()).toEqual([]);
  });

  it('refuses to run on a database that already holds units, leaving it unchanged', async () => {
    await createDemo(ctx);
    await expect(createDemo(ctx)).rejects.toMatchObject({ code: 'conflict' });
    expect(await listUnitTree(ctx)).toHaveLength(24);
  });
});
