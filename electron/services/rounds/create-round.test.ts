import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { listRoundSummaries } from '../../../db/rounds/repo';
import { createRound } from './create-round';
import { listSubmissions } from './completeness';
import { reminderLetter } from '../../../shared/domain/round-letters';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('creating a round', () => {
  it('opens it on the form with its period, dates and the expected units waiting', async () => {
    const { round, form } = await seedDemoRound(ctx);
    expect(round).toMatchObject({
      formId: form.id,
      formVersion: 1,
      periodCode: '2016-2020',
      periodLabel: 'Giai đoạn 2016-2020',
      periodStart: '2016-01-01',
      periodEnd: '2020-12-31',
      cutoffDate: '2020-06-30',
      deadline: '2020-07-05',
      expectedUnits: 3,
      receivedUnits: 0,
      name: 'Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020',
    });
    const subs = await listSubmissions(ctx, round.id);
    expect(subs.map((s) => [s.unitCode, s.status, s.late, s.daysLate, s.revisions])).toEqual([
      ['CA', 'expected', true, 3, 0],
      ['524', 'expected', true, 3, 0],
      ['534', 'expected', true, 3, 0],
    ]);
  });

  it('with "all", expects every district and department but not the province or the secretariat', async () => {
    const { round } = await seedDemoRound(ctx, {
      units: 'all',
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
    });
    expect(round.expectedUnits).toBe(13 + 9);
    const codes = (await listSubmissions(ctx, round.id)).map((s) => s.unitCode);
    expect(codes).not.toContain('51');
    expect(codes).not.toContain('SYT');
  });

  it.each([
    [{ units: ['524', 'XYZ'] }, 'không có đơn vị mã "XYZ"'],
    [{ cutoffDate: '2020-07-10', deadline: '2020-07-05' }, 'hạn gửi 05/07/2020 sớm hơn ngày chốt số liệu 10/07/2020'],
    [{ period: '2020-Q5' }, '"2020-Q5" không hợp lệ'],
    [{ deadline: '2020-02-30' }, '"2020-02-30" không phải ngày hợp lệ'],
    [{ formId: 999 }, 'không có biểu mẫu số 999'],
  ])('refuses %j in Vietnamese and creates nothing', async (change, message) => {
    const { form } = await seedDemoRound(ctx);
    const before = await listRoundSummaries(ctx.db);
    await expect(
      createRound(ctx, {
        formId: form.id,
        period: '2020',
        cutoffDate: '2020-06-30',
        deadline: '2020-07-05',
        units: ['524'],
        ...change,
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining(message),
    });
    expect(await listRoundSummaries(ctx.db)).toEqual(before);
  });
});

describe('the reminder', () => {
  it('names the missing units, the round and the deadline', async () => {
    const { round } = await seedDemoRound(ctx);
    const missing = (await listSubmissions(ctx, round.id)).filter((s) => s.status === 'expected');
    const { text, subject } = reminderLetter(
      round,
      missing.map((m) => m.unitName),
      '2020-07-08',
    );
    expect(subject).toBe('Nhắc gửi báo cáo (đã quá hạn): Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020');
    expect(text).toContain('Kính gửi: Công an tỉnh; Huyện Bình Sơn; Thị xã Đức Phổ.');
    expect(text).toContain('hạn gửi báo cáo là ngày 05/07/2020');
    expect(text).toContain('Đến ngày 08/07/2020, cơ quan thường trực chưa nhận được báo cáo của các đơn vị nêu trên');
  });
});
