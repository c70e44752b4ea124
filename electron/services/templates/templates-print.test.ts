import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertToPdf, pdfInfo, pdfPageText, pdfPageToPng } from '../../../tests/support/libreoffice';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from './export-templates';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-06-20T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('a unit template as LibreOffice prints it', () => {
  it('prints on A4 portrait, fits the width, and repeats the table header on page 2', async () => {
    const { round } = await seedDemoRound(ctx);
    const report = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const pdf = await convertToPdf(report.files[1]!.workbook, ctx.database.dir);
    const info = await pdfInfo(pdf);
    expect(Math.round(info.widthPt)).toBe(595);
    expect(Math.round(info.heightPt)).toBe(842);
    expect(info.pages).toBeGreaterThanOrEqual(2);

    const page1 = await pdfPageText(pdf, 1);
    expect(page1).toContain('Đơn vị báo cáo: Huyện Bình Sơn');
    expect(page1).toContain('Nội dung');
    expect(page1).not.toContain('Mã dòng'); // the key column stays hidden
    const page2 = await pdfPageText(pdf, 2);
    expect(page2).toMatch(/STT\s+Nội dung\s+Đơn vị tính\s+Số lượng/);
    expect(page2).not.toContain('Đơn vị báo cáo:');
    const last = await pdfPageText(pdf, info.pages);
    expect(last).toContain('Trang');
    await pdfPageToPng(pdf, 1, path.resolve('test-output/screenshots/template-page-1.png'));
    await pdfPageToPng(pdf, 2, path.resolve('test-output/screenshots/template-page-2.png'));
  }, 120_000);
});
