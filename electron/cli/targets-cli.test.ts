import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('targets evaluate on the command line', () => {
  it('evaluates the demo plans over five years of figures: one entry per target, year and scope', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const r = await run('targets', 'evaluate', '--db', db, '--as-of', '2026-01-15', '--json');
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as {
      targetId: number;
      planId: number;
      code: string;
      text: string;
      period: string;
      scope: string;
      actual: number | null;
      threshold: number;
      status: string;
      explanation: string;
    }[];
    // Six programme targets × 2021-2025 and nine targets of the 2025 plan.
    expect(list).toHaveLength(6 * 5 + 9);
    for (const e of list) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['targetId', 'text', 'period', 'scope', 'actual', 'threshold', 'status', 'explanation']),
      );
      expect(['met', 'not-met', 'at-risk', 'no-data']).toContain(e.status);
      expect(e.explanation.length).toBeGreaterThan(20);
    }
    const cumulative = list.find((e) => e.text.startsWith('Đến năm 2025, 100%') && e.period === '2023')!;
    expect(cumulative).toMatchObject({ scope: 'province', threshold: 60, status: 'at-risk' });
    expect(cumulative.explanation).toMatch(
      /^Lũy kế 2021–2023: Tổng số cơ sở kiểm tra trong kỳ \(\d+\) ÷ .* mốc tiến độ năm 2023: ≥ 60%/,
    );

    // --plan narrows to one plan; an earlier as-of day leaves later years out and keeps the year running.
    const planId = cumulative.planId;
    const early = JSON.parse(
      (await run('targets', 'evaluate', '--db', db, '--plan', String(planId), '--as-of', '2023-06-30', '--json')).out,
    ) as typeof list;
    expect(new Set(early.map((e) => e.planId))).toEqual(new Set([planId]));
    expect(new Set(early.map((e) => e.period))).toEqual(new Set(['2021', '2022', '2023']));

    const text = await run('targets', 'evaluate', '--db', db, '--plan', String(planId), '--as-of', '2026-01-15');
    expect(text.out.split('\n')[0]).toMatch(/^1\t2021\tToàn tỉnh\t(Đạt|Chưa đạt)\t/);
  });

  it("writes the draft report on a plan as Word, with a round's appendix, into a folder", async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db, '--demo');
    const r = await run('report', '--db', db, '--plan', '1', '--round', '5', '--out', dir, '--json');
    expect(r.code, r.err).toBe(0);
    const file = (JSON.parse(r.out) as { file: string }).file;
    expect(path.dirname(file)).toBe(dir);
    expect(file).toMatch(/bao-cao-.*\.docx$/);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const missing = await run('report', '--db', db, '--plan', '1', '--round', '99', '--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không có đợt báo cáo số 99');
  });

  it('refuses an unknown plan and a malformed day', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db);
    const missing = await run('targets', 'evaluate', '--db', db, '--plan', '42');
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('Không có kế hoạch số 42.');
    const badDay = await run('targets', 'evaluate', '--db', db, '--as-of', '2026-02-30');
    expect(badDay.code).toBe(2);
    expect(badDay.err).toContain('Ngày "2026-02-30" không hợp lệ');
  });
});
