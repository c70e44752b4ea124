import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertToPdf, pdfInfo, pdfPageText, pdfPageToPng } from '../../../tests/support/libreoffice';
import { screenshotDir } from '../../../tests/e2e/harness';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import { listPlans } from '../plans/list-plans';
import { evaluateTargets } from '../targets/evaluate-targets';
import { exportReviewReport, saveReviewReport } from './review-report';

let ctx: TestContext;
let programmePlanId: number;
let round2025: number;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2026-11-23T03:00:00Z'));
  await createDemo(ctx, { history: true });
  programmePlanId = (await listPlans(ctx)).find((p) => p.type === 'five-year')!.id;
  round2025 = (
    await ctx.db.selectFrom('report_round').select('id').where('period_code', '=', '2025').executeTakeFirstOrThrow()
  ).id;
});
afterEach(async () => {
  await ctx.dispose();
});

describe("the draft report on a plan's results", () => {
  it("fills each target's yearly figures and status from the evaluation, lists the tasks, and carries the round's appendix", async () => {
    const { fileName, bytes } = await exportReviewReport(ctx, { planId: programmePlanId, roundId: round2025 });
    expect(fileName).toMatch(/^bao-cao-chi-tieu-chuong-trinh-phong-chong-mai-dam-giai-doan-2021-2025/);
    const document = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const words = textOf(document);
    // Two sections: the report (portrait) and the appendix; each starts without a page number.
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    expect(document.match(/<w:titlePg\/>/g)).toHaveLength(2);
    expect(words).toContain('BÁO CÁO');
    expect(words).toContain('I. KẾT QUẢ THỰC HIỆN');
    expect(words).toContain('2. Kết quả thực hiện các mục tiêu, chỉ tiêu');
    expect(words).toContain('Số:      /BC-SYT');
    // Every figure of the results table is the evaluation's, to the digit.
    const evaluations = await evaluateTargets(ctx, { planId: programmePlanId });
    for (const e of evaluations.filter((x) => x.actual !== null && x.kind !== 'yes-no')) {
      expect(words).toContain(`${e.actual!.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);
    }
    const latestGrowth = evaluations.find((e) => e.kind === 'growth' && e.period === '2025')!;
    expect(words).toContain(`Chỉ tiêu 3 (năm 2025): ${latestGrowth.explanation}`);
    expect(words).toContain(
      'Trong 6 chỉ tiêu của Kế hoạch: 3 chỉ tiêu đạt, 0 chỉ tiêu chưa đạt, 3 chỉ tiêu có nguy cơ không đạt, 0 chỉ tiêu chưa đủ số liệu để đánh giá',
    );
    // The appendix follows: the round's figures with its caption.
    expect(words).toContain('PHỤ LỤC');
    expect(words).toContain('(Kèm theo Báo cáo số …/BC-SYT');
    // The prompts the office fills in are marked as such.
    expect(words).toContain('[Kinh phí từ ngân sách trung ương, ngân sách địa phương và nguồn khác]');
  });

  it('opens in LibreOffice as A4 pages, the results on the first pages and the appendix after them', async () => {
    const { bytes } = await exportReviewReport(ctx, {
      planId: (await listPlans(ctx)).find((p) => p.type === 'annual')!.id,
      roundId: round2025,
    });
    const dir = path.join(ctx.database.dir, 'report');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(file, bytes);
    const pdf = await convertToPdf(file, dir);
    const info = await pdfInfo(pdf);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([595, 842]);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const first = await pdfPageText(pdf, 1);
    expect(first).toContain('BÁO CÁO');
    expect(first).toContain('Kết quả thực hiện Kế hoạch');
    let appendixPage = 0;
    for (let p = 2; p <= info.pages && !appendixPage; p++)
      if ((await pdfPageText(pdf, p)).includes('PHỤ LỤC')) appendixPage = p;
    expect(appendixPage).toBeGreaterThan(1);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await pdfPageToPng(pdf, 1, path.join(screenshotDir, '44-review-report-page1.png'));
    await pdfPageToPng(pdf, 2, path.join(screenshotDir, '45-review-report-page2.png'));
  });

  it('is saved where the user chooses, and refuses a plan that does not exist', async () => {
    const saved = await saveReviewReport(ctx, { planId: programmePlanId });
    expect(saved).toMatch(/\.docx$/);
    expect(fs.statSync(saved!).size).toBeGreaterThan(5000);
    await expect(exportReviewReport(ctx, { planId: 999 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Không có kế hoạch số 999.',
    });
  });
});
