import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TargetEvaluation } from '../../../shared/domain/targets';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { buildTargetProvince, type TargetProvince } from '../../testing/target-province';
import { evaluateTargets } from './evaluate-targets';
import { saveRegister } from './registers';
import { getDashboard, getIndicatorSeries } from './dashboard';

let ctx: TestContext;
let p: TargetProvince;
beforeEach(async () => {
  ctx = await createTestContext();
  p = await buildTargetProvince(ctx);
});
afterEach(async () => {
  await ctx.dispose();
});

const byPeriod = (list: TargetEvaluation[]) => Object.fromEntries(list.map((e) => [e.period, e]));
const four = (a: number, b: number, c: number, d: number) => ({ D1: a, D2: b, D3: c, D4: d });
/** The same indicator for the four districts. */
function districts(key: 'sessions' | 'businesses' | 'inspected' | 'crimes', v: [number, number, number, number]) {
  return Object.fromEntries(Object.entries(four(...v)).map(([code, n]) => [code, { [key]: n }]));
}
function merge(...parts: Record<string, Record<string, number | string>>[]) {
  const out: Record<string, Record<string, number | string>> = {};
  for (const part of parts) for (const [code, v] of Object.entries(part)) out[code] = { ...out[code], ...v };
  return out;
}

describe('a ratio of two indicators ("kiểm tra ít nhất 20% số cơ sở")', () => {
  it('is met, not met, or at risk while a unit has not sent its report, and says how it was computed', async () => {
    await p.fillYear(
      '2022',
      merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [10, 10, 10, 15])),
    );
    await p.fillYear('2023', merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [10, 5, 10, 5])));
    // 2024: Huyện 4 has not sent anything yet.
    await p.fillYear('2024', {
      D1: { businesses: 50, inspected: 10 },
      D2: { businesses: 50, inspected: 5 },
      D3: { businesses: 50, inspected: 10 },
    });
    await p.plan([
      {
        kind: 'ratio',
        threshold: 20,
        indicatorId: p.indicatorId.inspected,
        denominatorIndicatorId: p.indicatorId.businesses,
        periodFrom: 2022,
        periodTo: 2024,
      },
    ]);

    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2025-03-01' }));
    expect(Object.keys(ev)).toEqual(['2022', '2023', '2024']);
    expect(ev['2022']).toMatchObject({ actual: 22.5, threshold: 20, status: 'met', scope: 'province', measure: '%' });
    expect(ev['2022']!.explanation).toBe(
      'Tỷ lệ = Tổng số cơ sở kiểm tra trong kỳ (45) ÷ Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm (200) × 100 = 22,5% (4/4 đơn vị đã gửi báo cáo). Chỉ tiêu ≥ 20%: đạt.',
    );
    expect(ev['2023']).toMatchObject({ actual: 15, status: 'not-met' });
    expect(ev['2023']!.explanation).toContain('Chỉ tiêu ≥ 20%: chưa đạt.');
    expect(ev['2024']).toMatchObject({ actual: 16.67, status: 'at-risk' });
    expect(ev['2024']!.explanation).toContain('(3/4 đơn vị đã gửi báo cáo)');
    expect(ev['2024']!.explanation).toContain('có nguy cơ không đạt (còn 1 đơn vị chưa gửi báo cáo)');
    // The drill-down lists each unit's two figures.
    expect(ev['2022']!.detailColumns).toEqual([
      'Tổng số cơ sở kiểm tra trong kỳ',
      'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm',
    ]);
    expect(ev['2022']!.details.map((d) => [d.unitCode, d.value, d.second])).toEqual([
      ['D1', 10, 50],
      ['D2', 10, 50],
      ['D3', 10, 50],
      ['D4', 15, 50],
    ]);
  });

  it('takes its denominator from the office register, using the latest year recorded', async () => {
    await saveRegister(ctx, {
      code: 'CSKD',
      name: 'Số cơ sở kinh doanh dịch vụ nhạy cảm (sổ theo dõi)',
      measureUnit: 'Cơ sở',
      values: [{ unitId: p.unitId['51']!, year: 2021, value: 300 }],
    });
    await p.fillYear('2022', districts('inspected', [20, 20, 10, 10]));
    await p.plan([
      {
        kind: 'ratio',
        threshold: 20,
        indicatorId: p.indicatorId.inspected,
        denominatorRegister: 'CSKD',
        periodFrom: 2022,
        periodTo: 2022,
      },
    ]);
    const [e] = await evaluateTargets(ctx, { asOf: '2023-01-15' });
    expect(e).toMatchObject({ actual: 20, status: 'met' });
    expect(e!.explanation).toContain(
      '÷ Số cơ sở kinh doanh dịch vụ nhạy cảm (sổ theo dõi) (sổ theo dõi năm 2021) (300)',
    );
  });

  it('is evaluated for each unit on its own when its scope is each unit', async () => {
    await p.fillYear('2022', merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [10, 5, 20, 0])));
    await p.plan([
      {
        kind: 'ratio',
        scope: 'each-unit',
        unitKind: 'district',
        threshold: 20,
        indicatorId: p.indicatorId.inspected,
        denominatorIndicatorId: p.indicatorId.businesses,
        periodFrom: 2022,
        periodTo: 2022,
      },
    ]);
    const list = await evaluateTargets(ctx, { asOf: '2023-02-01' });
    expect(list.map((e) => [e.scope, e.actual, e.status])).toEqual([
      ['D1', 20, 'met'],
      ['D2', 10, 'not-met'],
      ['D3', 40, 'met'],
      ['D4', 0, 'not-met'],
    ]);
    expect(list[1]!.scopeName).toBe('Huyện 2');
  });
});

describe('a share of units meeting a condition ("ít nhất 70% số xã tổ chức tuyên truyền")', () => {
  it('counts the units whose figure meets the condition against the units of that kind', async () => {
    await p.fillYear('2022', districts('sessions', [3, 1, 0, 2]));
    await p.fillYear('2023', districts('sessions', [3, 0, 0, 2]));
    await p.plan([
      {
        kind: 'share-of-units',
        unitKind: 'district',
        threshold: 70,
        indicatorId: p.indicatorId.sessions,
        periodFrom: 2022,
        periodTo: 2023,
      },
    ]);
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2024-01-10' }));
    expect(ev['2022']).toMatchObject({ actual: 75, status: 'met' });
    expect(ev['2022']!.explanation).toContain(
      '3/4 đơn vị cấp huyện có Số buổi truyền thông về phòng, chống mại dâm tại xã, phường, thị trấn > 0 = 75%',
    );
    expect(ev['2022']!.details.map((d) => [d.unitCode, d.meets])).toEqual([
      ['D1', true],
      ['D2', true],
      ['D3', false],
      ['D4', true],
    ]);
    expect(ev['2023']).toMatchObject({ actual: 50, status: 'not-met' });
  });

  it('reads a yes/no indicator as "answered Có", and a district that has not answered keeps the year at risk', async () => {
    await p.fillYear('2022', { D1: { plan: 'Có' }, D2: { plan: 'Có' }, D3: { plan: 'Không' } });
    await p.plan([
      {
        kind: 'share-of-units',
        unitKind: 'district',
        threshold: 100,
        indicatorId: p.indicatorId.plan,
        periodFrom: 2022,
        periodTo: 2022,
      },
    ]);
    const [e] = await evaluateTargets(ctx, { asOf: '2023-01-10' });
    expect(e).toMatchObject({ actual: 50, status: 'at-risk' });
    expect(e!.explanation).toContain('2/4 đơn vị cấp huyện trả lời "Có" = 50%');
    expect(e!.explanation).toContain('còn 1 đơn vị chưa gửi báo cáo');
  });
});

describe('growth against the previous year within a band ("tăng 3 - 5% số tội phạm được xử lý")', () => {
  it('is met within the band and above it, not met below, and has no figure without the year before', async () => {
    await p.fillYear('2021', districts('crimes', [25, 25, 25, 25]));
    await p.fillYear('2022', districts('crimes', [26, 26, 26, 26]));
    await p.fillYear('2023', districts('crimes', [26, 26, 26, 25]));
    await p.fillYear('2024', districts('crimes', [30, 30, 30, 30]));
    await p.plan(
      [{ kind: 'growth', comparator: 'between', threshold: 3, thresholdHigh: 5, indicatorId: p.indicatorId.crimes }],
      [2021, 2024],
    );
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2025-02-01' }));
    expect(ev['2021']).toMatchObject({ status: 'no-data', actual: null });
    expect(ev['2021']!.explanation).toBe(
      'Thiếu số liệu: Thiếu số liệu năm 2020 để tính mức tăng: Chưa có đợt báo cáo năm 2020 nào có số liệu này.',
    );
    expect(ev['2022']).toMatchObject({ actual: 4, status: 'met' });
    expect(ev['2022']!.explanation).toContain(
      'Mức tăng của Số vụ án liên quan đến mại dâm được xử lý = (104 − 100) ÷ 100 × 100 = 4% so với năm 2021 (4/4 đơn vị đã gửi báo cáo)',
    );
    expect(ev['2022']!.explanation).toContain('Chỉ tiêu từ 3% đến 5%: đạt.');
    expect(ev['2023']).toMatchObject({ actual: -0.96, status: 'not-met' });
    expect(ev['2024']).toMatchObject({ actual: 16.5, status: 'met' });
    expect(ev['2024']!.explanation).toContain('vượt mức trên của khung');
    expect(ev['2022']!.detailColumns).toEqual(['Năm 2022', 'Năm 2021']);
    expect(ev['2022']!.details.find((d) => d.unitCode === 'D1')).toMatchObject({ value: 26, second: 25 });
  });

  it('does not compare nine months of this year with the whole of last year', async () => {
    await p.fillYear('2025', districts('crimes', [25, 25, 25, 25]));
    await p.fillYear('2026-9M', districts('crimes', [20, 20, 20, 20]));
    await p.plan(
      [
        {
          kind: 'growth',
          comparator: '>=',
          threshold: 3,
          indicatorId: p.indicatorId.crimes,
          periodFrom: 2026,
          periodTo: 2026,
        },
      ],
      [2026, 2030],
    );
    const [e] = await evaluateTargets(ctx, { asOf: '2026-11-23' });
    expect(e).toMatchObject({ period: '2026', status: 'no-data' });
    expect(e!.explanation).toContain('Năm 2026 mới có số liệu 9 tháng, chưa so được với cả năm 2025.');
  });
});

describe('a cumulative target with a deadline ("đến năm 2025, 100% các cơ sở được kiểm tra")', () => {
  it('measures each year against the milestone a steady pace needs, and judges at the deadline', async () => {
    const inspected: [number, number, number, number][] = [
      [10, 10, 10, 10],
      [10, 10, 10, 10],
      [10, 10, 5, 5],
      [10, 10, 10, 10],
      [10, 10, 5, 5],
    ];
    for (const [i, v] of inspected.entries())
      await p.fillYear(String(2021 + i), merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', v)));
    await p.plan([
      {
        kind: 'cumulative',
        threshold: 100,
        deadlineYear: 2025,
        indicatorId: p.indicatorId.inspected,
        denominatorIndicatorId: p.indicatorId.businesses,
      },
    ]);
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2026-03-01' }));
    expect(ev['2022']).toMatchObject({ actual: 40, threshold: 40, status: 'met' });
    expect(ev['2023']).toMatchObject({ actual: 55, threshold: 60, status: 'at-risk' });
    expect(ev['2023']!.explanation).toBe(
      'Lũy kế 2021–2023: Tổng số cơ sở kiểm tra trong kỳ (110) ÷ Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm (200) × 100 = 55%; mốc tiến độ năm 2023: ≥ 60% (đến năm 2025: ≥ 100%). Chỉ tiêu ≥ 60%: có nguy cơ không đạt, chậm so với tiến độ để đạt vào năm 2025.',
    );
    expect(ev['2025']).toMatchObject({ actual: 90, threshold: 100, status: 'not-met' });
  });

  it('says which years are missing from the sum', async () => {
    await p.fillYear(
      '2021',
      merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [20, 20, 20, 20])),
    );
    await p.fillYear(
      '2023',
      merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [20, 20, 20, 20])),
    );
    await p.plan(
      [
        {
          kind: 'cumulative',
          threshold: 100,
          deadlineYear: 2023,
          indicatorId: p.indicatorId.inspected,
          denominatorIndicatorId: p.indicatorId.businesses,
        },
      ],
      [2021, 2023],
    );
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2024-03-01' }));
    expect(ev['2023']).toMatchObject({ actual: 80, status: 'at-risk' });
    expect(ev['2023']!.explanation).toContain(
      'Lũy kế 2021–2023: Tổng số cơ sở kiểm tra trong kỳ (160) (thiếu số liệu năm 2022)',
    );
    expect(ev['2023']!.explanation).toContain('có nguy cơ không đạt (thiếu số liệu năm 2022)');
  });
});

describe('counts and yes/no', () => {
  it('compares a province total with an absolute count, at risk while the year runs', async () => {
    await p.fillYear('2025', districts('sessions', [4, 3, 3, 3]));
    await p.fillYear('2026', districts('sessions', [2, 2, 2, 2]));
    await p.plan([{ kind: 'count', threshold: 12, indicatorId: p.indicatorId.sessions }], [2025, 2027]);
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2026-11-23' }));
    expect(Object.keys(ev)).toEqual(['2025', '2026']);
    expect(ev['2025']).toMatchObject({ actual: 13, status: 'met', measure: 'Buổi' });
    expect(ev['2025']!.explanation).toContain('= 13 buổi');
    expect(ev['2026']).toMatchObject({ actual: 8, status: 'at-risk' });
    expect(ev['2026']!.explanation).toContain('năm 2026 chưa kết thúc');
  });

  it('takes a yes/no target for the province from the standing office or the province itself', async () => {
    await p.fillYear('2022', { SYT: { plan: 'Có' }, D1: { plan: 'Không' } });
    await p.fillYear('2023', { SYT: { plan: 'Không' } });
    await p.fillYear('2024', { D1: { plan: 'Có' } });
    await p.plan([{ kind: 'yes-no', comparator: '=', threshold: 1, indicatorId: p.indicatorId.plan }], [2022, 2024]);
    const ev = byPeriod(await evaluateTargets(ctx, { asOf: '2025-06-01' }));
    expect(ev['2022']).toMatchObject({ actual: 1, status: 'met' });
    expect(ev['2022']!.explanation).toBe(
      'Sở Y tế báo cáo "Xây dựng kế hoạch phòng, chống mại dâm": Có. Chỉ tiêu Có: đạt.',
    );
    expect(ev['2023']).toMatchObject({ actual: 0, status: 'not-met' });
    expect(ev['2024']).toMatchObject({ status: 'no-data' });
  });

  it('has no figure for a target not yet linked to an indicator, or a year without a round', async () => {
    await p.plan(
      [
        { kind: 'ratio', threshold: 20 },
        { kind: 'count', threshold: 1, indicatorId: p.indicatorId.sessions },
      ],
      [2024, 2024],
    );
    const list = await evaluateTargets(ctx, { asOf: '2025-01-01' });
    expect(list.map((e) => [e.code, e.status, e.explanation])).toEqual([
      ['1', 'no-data', 'Thiếu số liệu: Chưa gắn chỉ tiêu với số liệu nào trong biểu mẫu.'],
      ['2', 'no-data', 'Thiếu số liệu: Chưa có đợt báo cáo năm 2024 nào có số liệu này.'],
    ]);
  });

  it('refuses a plan that does not exist', async () => {
    await expect(evaluateTargets(ctx, { planId: 999 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Không có kế hoạch số 999.',
    });
  });
});

describe('a final review over a span ("tổng kết giai đoạn 2016-2020")', () => {
  it('evaluates a target of the span from the review, says where each year is, and cannot make growth from it', async () => {
    await p.fillYear(
      '2016-2020',
      merge(districts('businesses', [50, 50, 50, 50]), districts('inspected', [40, 50, 45, 45])),
    );
    await p.plan(
      [
        {
          kind: 'ratio',
          threshold: 80,
          indicatorId: p.indicatorId.inspected,
          denominatorIndicatorId: p.indicatorId.businesses,
          periodFrom: 2016,
          periodTo: 2020,
        },
        { kind: 'growth', comparator: 'between', threshold: 3, thresholdHigh: 5, indicatorId: p.indicatorId.crimes },
      ],
      [2016, 2020],
    );
    const all = await evaluateTargets(ctx, { asOf: '2021-01-15' });
    const ratio = all.filter((e) => e.kind === 'ratio');
    expect(ratio.map((e) => e.period)).toEqual(['2016', '2017', '2018', '2019', '2020', '2016-2020']);
    const span = ratio.at(-1)!;
    expect(span).toMatchObject({ status: 'met', actual: 90, scope: 'province' });
    expect(span.explanation).toBe(
      'Tỷ lệ = Tổng số cơ sở kiểm tra trong kỳ (180) ÷ Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm (200) × 100 = 90% (4/4 đơn vị đã gửi báo cáo). Chỉ tiêu ≥ 80%: đạt.',
    );
    expect(span.details.map((d) => [d.unitCode, d.value, d.second])).toEqual([
      ['D1', 40, 50],
      ['D2', 50, 50],
      ['D3', 45, 50],
      ['D4', 45, 50],
    ]);
    // A year of the span has no figures of its own, and says where they are.
    expect(ratio[0]).toMatchObject({ status: 'no-data' });
    expect(ratio[0]!.explanation).toBe(
      'Thiếu số liệu: Chưa có đợt báo cáo năm 2016 nào có số liệu này. Năm 2016 nằm trong đợt tổng kết giai đoạn 2016-2020: xem kết quả của giai đoạn.',
    );
    const growth = all.find((e) => e.kind === 'growth' && e.period === '2016-2020')!;
    expect(growth).toMatchObject({ status: 'no-data' });
    expect(growth.explanation).toContain('không tính được từ đợt tổng kết giai đoạn 2016-2020');
  });

  it('gives the overview the span as its newest period, and the trend a point for it', async () => {
    await p.fillYear('2019', districts('inspected', [10, 10, 10, 10]));
    await p.fillYear('2016-2020', districts('inspected', [40, 50, 45, 45]));
    await p.plan([{ kind: 'count', threshold: 150, indicatorId: p.indicatorId.inspected }], [2016, 2020]);
    const d = await getDashboard(ctx, { asOf: '2021-01-15' });
    expect(d.targets.map((t) => [t.period, t.status, t.actual])).toEqual([['2016-2020', 'met', 180]]);
    const s = await getIndicatorSeries(ctx, p.indicatorId.inspected);
    expect(s.years).toEqual([2019]);
    expect(s.spans).toMatchObject([{ code: '2016-2020', label: 'Giai đoạn 2016-2020', province: 180 }]);
    expect(s.spans[0]!.values).toEqual(s.units.map((u) => ({ D1: 40, D2: 50, D3: 45, D4: 45 })[u.code] ?? null));
  });
});
