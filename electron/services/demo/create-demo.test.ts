import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { listPlans } from '../plans/list-plans';
import { listUnitTree } from '../units/list-units';
import { createDemo } from './create-demo';

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
    expect(tree.map((u) => u.name)).toEqual(expect.arrayContaining(['Sở Y tế', 'Công an tỉnh', 'Sở Văn hóa, Thể thao và Du lịch', 'Thị xã Đức Phổ']));
  });

  it('records the 2025 plan under the 2021-2025 programme with its targets and tasks as the plan states them', async () => {
    await createDemo(ctx);
    const [plan] = await listPlans(ctx);
    expect(plan).toMatchObject({ docDate: '2025-04-10', type: 'annual', periodStart: 2025, issuer: 'UBND tỉnh Quảng Ngãi' });
    expect(plan!.targets.map((t) => [t.code, t.comparator, t.threshold])).toEqual([
      ['a', '>=', 100], ['b', '>=', 70], ['c', '>=', 50], ['d.1', '>=', 70], ['d.2', '>=', 60], ['d.3', '>=', 70], ['đ', '>=', 100], ['e', '>=', 100], ['g', '>=', 20],
    ]);
    const inspect = plan!.targets.find((t) => t.code === 'g');
    expect(inspect?.text).toContain('kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ');
    expect(plan!.tasks).toHaveLength(11);
    expect(plan!.tasks[2]).toMatchObject({ leadUnitName: 'Công an tỉnh', coordinatingUnitNames: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế'] });
    expect(plan!.tasks.at(-1)).toMatchObject({ leadUnitName: 'Sở Y tế', deadline: '2025-11-30' });
    const full = await ctx.db.selectFrom('plan').select('full_text').executeTakeFirstOrThrow();
    expect(full.full_text).toContain('Trong năm tổ chức kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ');
  });

  it('refuses to run on a database that already holds units, leaving it unchanged', async () => {
    await createDemo(ctx);
    await expect(createDemo(ctx)).rejects.toMatchObject({ code: 'conflict' });
    expect(await listUnitTree(ctx)).toHaveLength(24);
  });
});
