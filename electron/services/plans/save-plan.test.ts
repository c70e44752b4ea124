import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planInput, targetInput } from '../../../shared/api/plan-inputs';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import { quangNgai2025PlanText } from '../demo/plan-text-quang-ngai-2025';
import { draftPlanFromText } from './draft-plan';
import { listPlans } from './list-plans';
import { addTarget, createPlan, deleteTarget, updateTarget } from './save-plan';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
  await createDemo(ctx);
});
afterEach(async () => {
  await ctx.dispose();
});

describe('a plan from pasted text', () => {
  it("matches the agencies named in the assignments to the office's units", async () => {
    const draft = await draftPlanFromText(ctx, quangNgai2025PlanText);
    const units = new Map(
      (await ctx.db.selectFrom('org_unit').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
    );
    const lead = (i: number) => (draft.tasks[i]!.leadUnitId ? units.get(draft.tasks[i]!.leadUnitId) : null);
    expect([lead(0), lead(1), lead(3), lead(6), lead(8)]).toEqual([
      'Sở Y tế',
      'Công an tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Đài Phát thanh và Truyền hình tỉnh',
      null,
    ]);
    expect(draft.tasks[0]!.coordinatorNames).toContain('Sở Nội vụ');
    expect(draft.tasks[6]!.coordinatorNames).toEqual(['Báo Quảng Ngãi']);
    // "Ủy ban nhân dân các huyện, thị xã, thành phố": all 13 districts take part.
    expect(draft.tasks[8]!.coordinatorIds).toHaveLength(13);
  });

  it('stores the confirmed plan with its targets and tasks, all or nothing', async () => {
    const draft = await draftPlanFromText(ctx, quangNgai2025PlanText);
    const input = planInput.parse({
      issuer: draft.issuer,
      type: draft.type,
      title: draft.title,
      periodStart: draft.periodStart,
      periodEnd: draft.periodEnd,
      docDate: draft.docDate,
      legalBasis: draft.legalBasis,
      fullText: quangNgai2025PlanText,
      targets: draft.targets.slice(0, 2).map((t) => ({
        code: t.code,
        text: t.text,
        kind: t.kind,
        comparator: t.comparator,
        threshold: t.threshold,
        unitKind: t.unitKind,
        sourceText: t.sourceText,
      })),
      tasks: draft.tasks.slice(0, 3).map((t) => ({
        content: t.content,
        leadUnitId: t.leadUnitId,
        coordinatorIds: t.coordinatorIds,
        deadline: t.deadline,
      })),
    });
    const before = (await listPlans(ctx)).length;
    const id = await createPlan(ctx, input);
    const saved = (await listPlans(ctx)).find((p) => p.id === id)!;
    expect(saved.targets.map((t) => [t.code, t.threshold, t.unitKind])).toEqual([
      ['a', 100, 'district'],
      ['b', 70, 'commune'],
    ]);
    expect(saved.tasks.map((t) => t.leadUnitName)).toEqual(['Sở Y tế', 'Công an tỉnh', 'Sở Tài chính']);

    // A task naming a unit that does not exist: refused, nothing stored.
    const bad = planInput.parse({ ...input, tasks: [{ content: 'Việc', leadUnitId: 9999 }] });
    await expect(createPlan(ctx, bad)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Chưa lưu: nhiệm vụ: không có đơn vị số 9999.',
    });
    expect(await listPlans(ctx)).toHaveLength(before + 1);
  });

  it('links a target to indicators, refuses a duplicate code or an unknown indicator, and deletes it', async () => {
    const [plan] = (await listPlans(ctx)).filter((p) => p.type === 'annual');
    const g = plan!.targets.find((t) => t.code === 'g')!;
    const indicator = await ctx.db
      .insertInto('indicator')
      .values({
        code: 'KT',
        name: 'Số cơ sở được kiểm tra',
        name_key: 'so co so duoc kiem tra',
        measure_unit: 'Cơ sở',
        value_type: 'integer',
        aggregation: 'sum',
        parent_id: null,
        created_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const edited = targetInput.parse({
      code: 'g',
      text: g.text,
      kind: 'ratio',
      comparator: '>=',
      threshold: 25,
      indicatorId: indicator.id,
    });
    await updateTarget(ctx, g.id, edited);
    expect((await listPlans(ctx)).flatMap((p) => p.targets).find((t) => t.id === g.id)).toMatchObject({
      threshold: 25,
      indicatorId: indicator.id,
      indicatorName: 'Số cơ sở được kiểm tra',
    });
    await expect(updateTarget(ctx, g.id, { ...edited, code: 'a' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Kế hoạch đã có chỉ tiêu ký hiệu "a".',
    });
    await expect(updateTarget(ctx, g.id, { ...edited, denominatorIndicatorId: 777 })).rejects.toMatchObject({
      message: 'Chưa lưu: chỉ tiêu thống kê: không có chỉ tiêu thống kê số 777.',
    });
    const added = await addTarget(
      ctx,
      plan!.id,
      targetInput.parse({ code: 'h', text: 'Mới', kind: 'count', comparator: '>=', threshold: 12 }),
    );
    expect((await listPlans(ctx)).find((p) => p.id === plan!.id)!.targets.at(-1)).toMatchObject({
      id: added,
      code: 'h',
    });
    await deleteTarget(ctx, added);
    await expect(deleteTarget(ctx, added)).rejects.toMatchObject({ code: 'not-found' });
  });

  it("checks a target's own consistency before anything is stored", () => {
    const r = targetInput.safeParse({
      code: '3',
      text: 'Tăng 3 - 5%',
      kind: 'growth',
      comparator: 'between',
      threshold: 5,
      thresholdHigh: 3,
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('Khung "từ … đến …" cần mức trên không nhỏ hơn mức dưới');
    expect(
      targetInput.safeParse({ code: 'x', text: 'Có', kind: 'yes-no', comparator: '=', threshold: 2 }).success,
    ).toBe(false);
  });
});
