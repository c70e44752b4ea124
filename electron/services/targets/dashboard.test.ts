import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import { saveChartPng } from '../files/save-chart-png';
import { getDashboard, getIndicatorSeries, listLinkableIndicators } from './dashboard';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2026-11-23T08:00:00Z'));
  await createDemo(ctx, { history: true });
});
afterEach(async () => {
  await ctx.dispose();
});

describe('the overview', () => {
  it("gives each target its newest status, the open round's completeness and the indicators with years of figures", async () => {
    const d = await getDashboard(ctx);
    expect(d.asOf).toBe('2026-11-23');
    expect(d.openRounds).toEqual([expect.objectContaining({ periodLabel: 'Năm 2025', expected: 13, received: 12 })]);
    expect(d.targets).toHaveLength(15);
    expect(d.targets.every((t) => t.period === '2025')).toBe(true);
    const growth = d.targets.find((t) => t.kind === 'growth')!;
    expect(growth).toMatchObject({ status: 'at-risk', planTitle: expect.stringContaining('giai đoạn 2021-2025') });
    const inspected = d.indicators.find((i) => i.name === 'Tổng số cơ sở kiểm tra trong kỳ')!;
    expect(inspected).toMatchObject({
      years: [2021, 2022, 2023, 2024, 2025],
      formNames: ['Biểu tổng hợp số liệu phòng, chống mại dâm (năm)'],
    });
    expect(await listLinkableIndicators(ctx)).toHaveLength(75 + 3);
  });

  it("gives an indicator's province total and each district's figure year by year, equal to the sum of the districts", async () => {
    const id = (await listLinkableIndicators(ctx)).find((i) => i.name === 'Tổng số cơ sở kiểm tra trong kỳ')!.id;
    const s = await getIndicatorSeries(ctx, id);
    expect(s.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(s.units).toHaveLength(13);
    s.years.forEach((_, i) => expect(s.province[i]).toBe(s.units.reduce((a, u) => a + (u.values[i] ?? 0), 0)));
    // Ba Tơ has no 2025 figure yet.
    expect(s.units.find((u) => u.code === '535')!.values.at(-1)).toBeNull();
    await expect(getIndicatorSeries(ctx, 99999)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('saves a chart only as a real PNG', async () => {
    const png =
      'data:image/png;base64,' +
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const saved = await saveChartPng(ctx, { name: 'Xu hướng: cơ sở kiểm tra', dataUrl: png });
    expect(saved).toMatch(/xu-huong-co-so-kiem-tra\.png$/);
    expect(fs.readFileSync(saved!).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    const html = 'data:image/png;base64,' + Buffer.from('<html>').toString('base64');
    await expect(saveChartPng(ctx, { name: 'x', dataUrl: html })).rejects.toMatchObject({
      message: 'Ảnh biểu đồ không đúng định dạng PNG.',
    });
  });
});
