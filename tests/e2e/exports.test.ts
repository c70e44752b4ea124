import fs from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { useAppInChromium } from './harness';

const chromiumApp = useAppInChromium();

describe('documents from the app', () => {
  it('the office’s details set in Cài đặt appear in the Word appendix exported from the matrix; Excel exports too', async () => {
    const app = await chromiumApp.open({ hash: '#/settings', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    await page.reload();
    const form = page.getByRole('form', { name: 'Thông tin cơ quan trên văn bản' });
    await expect.poll(() => form.getByLabel('Tên cơ quan (chữ in hoa)').inputValue()).toBe('SỞ Y TẾ');
    await form.getByLabel('Họ tên người ký').fill('Nguyễn Văn Bình');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã lưu.');
    await app.screenshot('40-settings-office');

    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/matrix`));
    await page.getByRole('button', { name: /^Xuất…/ }).click();
    await page.getByRole('menuitem', { name: 'Phụ lục Word (toàn tỉnh)' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent())
      .toMatch(/Đã lưu: .*phu-luc-.*\.docx$/);
    const docxPath = (await page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent())!.replace(
      'Đã lưu: ',
      '',
    );
    const documentXml = await (
      await JSZip.loadAsync(fs.readFileSync(docxPath))
    )
      .file('word/document.xml')!
      .async('string');
    expect(documentXml).toContain('Nguyễn Văn Bình');
    expect(documentXml).toContain('PHỤ LỤC');

    await page.getByRole('button', { name: /^Xuất…/ }).click();
    await page.getByRole('menuitem', { name: 'Sổ Excel (tổng hợp và từng đơn vị)' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent()).toMatch(/\.xlsx$/);
    const xlsxPath = (await page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent())!.replace(
      'Đã lưu: ',
      '',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Công an tỉnh', 'Huyện Bình Sơn', 'Thị xã Đức Phổ']);
    await app.screenshot('41-matrix-exported');

    // Any grid exports to Excel as shown: here the matrix filtered by a search.
    await page.getByRole('searchbox', { name: 'Tìm chỉ tiêu' }).fill('vu truong');
    await expect
      .poll(() => page.getByTestId('matrix').locator('.ag-center-cols-container .ag-row, .ag-row').count())
      .toBeLessThan(10);
    await page.getByRole('button', { name: 'Xuất Excel…' }).click();
    const shown = page.getByRole('status').filter({ hasText: /bang-tong-hop-so-lieu\.xlsx$/ });
    await expect.poll(() => shown.count()).toBe(1);
    const gridBook = new ExcelJS.Workbook();
    await gridBook.xlsx.readFile((await shown.textContent())!.replace('Đã lưu: ', ''));
    const sheet = gridBook.getWorksheet('Bảng')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'STT',
      'Nội dung',
      'ĐVT',
      'Công an tỉnh (chưa gửi)',
      'Huyện Bình Sơn (chưa gửi)',
      'Thị xã Đức Phổ (chưa gửi)',
      'Toàn tỉnh',
    ]);
    expect(sheet.getRow(4).getCell(2).value).toBe('Vũ trường');
    expect(sheet.rowCount).toBe(4);
  });
});

/** Saves the preview as a PDF with its button and returns where it was saved, as the notice says. */
async function savePdf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Lưu PDF…' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Đã lưu PDF' });
  await expect.poll(() => notice.count()).toBe(1);
  return (await notice.textContent())!.replace('Đã lưu PDF: ', '');
}

describe('print preview', () => {
  it('shows the appendix as a page and saves it as a PDF: A4, header row repeated on page 2, page number from page 2, totals of the database', async () => {
    const { saveValues } = await import('../../electron/services/submissions/save-values');
    const { getFormVersionRows } = await import('../../db/forms/repo');
    const { pdfInfo, pdfPageText, pdfPageToPng } = await import('../support/libreoffice');
    const { screenshotDir } = await import('./harness');
    const path = await import('node:path');
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const total = rows.find((r) => r.valueRow && r.text.startsWith('Tổng số cơ sở kinh doanh'))!.indicatorId!;
    const unit = (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '524').executeTakeFirstOrThrow())
      .id;
    await saveValues(ctx, {
      roundId: round.id,
      unitId: unit,
      how: 'typed',
      changes: [{ indicatorId: total, value: '1.250' }],
    });
    ctx.platform.pdfSource = () => page.pdf({ preferCSSPageSize: true });

    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/print`));
    await page.reload();
    const sheet = page.getByTestId('print-sheet');
    await expect.poll(() => sheet.getByText('PHỤ LỤC', { exact: true }).count()).toBe(1);
    expect(await sheet.textContent()).toContain('(Kèm theo Báo cáo số …/BC-SYT ngày … tháng … năm … của Sở Y tế)');
    await app.screenshot('42-print-preview');
    const saved = await savePdf(page);
    const info = await pdfInfo(saved);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([595, 842]);
    const p1 = await pdfPageText(saved, 1);
    expect(p1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(p1).not.toMatch(/^\s*1\s*$/m);
    expect(p1).not.toContain('Xem trước khi in');
    const p1Lines = p1.split('\n');
    const at = p1Lines.findIndex((l) => l.includes('Tổng số cơ sở kinh doanh'));
    expect(p1Lines.slice(Math.max(0, at - 2), at + 3).join('\n')).toMatch(/\s1\.250\s/);
    const p2 = await pdfPageText(saved, 2);
    expect(p2.trim().split('\n')[0]!.trim()).toBe('2');
    expect(p2.split('\n').slice(0, 6).join('\n')).toMatch(/STT\s+Nội dung/);
    await pdfPageToPng(saved, 1, path.join(screenshotDir, 'pdf-preview-p1.png'));
    await pdfPageToPng(saved, 2, path.join(screenshotDir, 'pdf-preview-p2.png'));
  });
  it('prints a column per commune as page-wide parts, each headed with its communes and starting a page, the total last', async () => {
    const { importUnitRows } = await import('../../electron/services/units/import-units');
    const { createRound } = await import('../../electron/services/rounds/create-round');
    const { saveValues } = await import('../../electron/services/submissions/save-values');
    const { getFormVersionRows } = await import('../../db/forms/repo');
    const { pdfInfo, pdfPageText } = await import('../support/libreoffice');
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    // The demo province and the seed form; then 30 communes and a round of theirs.
    const { form } = await seedDemoRound(ctx);
    const province = await ctx.db
      .selectFrom('org_unit')
      .select('code')
      .where('kind', '=', 'province')
      .executeTakeFirstOrThrow();
    const codes = Array.from({ length: 30 }, (_, i) => String(90001 + i));
    await importUnitRows(
      ctx,
      'xa.xlsx',
      codes.map((code, i) => ({
        line: i + 1,
        code,
        name: `Xã Thử Nghiệm ${i + 1}`,
        kind: 'commune' as const,
        parentCode: province.code,
        emails: [],
      })),
    );
    const round = await createRound(ctx, {
      formId: form.id,
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
      units: codes,
    });
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const total = rows.find((r) => r.valueRow && r.text.startsWith('Tổng số cơ sở kinh doanh'))!.indicatorId!;
    const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).where('code', 'in', codes).execute();
    for (const u of units)
      await saveValues(ctx, {
        roundId: round.id,
        unitId: u.id,
        how: 'typed',
        changes: [{ indicatorId: total, value: 1000 + Number(u.code) - 90000 }],
      });
    ctx.platform.pdfSource = () => page.pdf({ preferCSSPageSize: true });

    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/print`));
    await page.reload();
    await page.getByLabel('Từng đơn vị và toàn tỉnh').check();
    const sheet = page.getByTestId('print-sheet');
    await expect.poll(() => sheet.locator('.doc-part').count()).toBe(3);
    const headings = await sheet.locator('.doc-part-heading').allTextContents();
    expect(headings).toEqual([
      'Phần 1/3: Xã Thử Nghiệm 1 – Xã Thử Nghiệm 10',
      'Phần 2/3: Xã Thử Nghiệm 11 – Xã Thử Nghiệm 21',
      'Phần 3/3: Xã Thử Nghiệm 22 – Toàn tỉnh',
    ]);
    const heads = await sheet.locator('.doc-part thead tr').evaluateAll((trs) => trs.map((tr) => tr.children.length));
    expect(heads).toEqual([3 + 10, 3 + 11, 3 + 10]);
    // The province's total (30 communes: 1001 + … + 1030 = 30,465) is in the last part, bold.
    const last = sheet.locator('.doc-part').nth(2);
    await expect.poll(() => last.locator('td.num.bold', { hasText: '30.465' }).count()).toBe(1);
    expect(await sheet.locator('.doc-part').nth(0).locator('td.num.bold').count()).toBe(0);
    await app.screenshots('42-print-preview-communes');

    const saved = await savePdf(page);
    const info = await pdfInfo(saved);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([842, 595]);
    const pages = await Promise.all(Array.from({ length: info.pages }, (_, i) => pdfPageText(saved, i + 1)));
    // Each part starts a page of its own: its heading comes right after the page's number.
    for (const h of ['Phần 2/3', 'Phần 3/3'])
      expect(
        pages.some((p) =>
          p
            .split('\n')
            .filter((l) => l.trim())[1]
            ?.startsWith(h),
        ),
        h,
      ).toBe(true);
  });
});

describe("the office's Word template", () => {
  it('saves the starter template, takes it back as the office’s and exports the appendix with it', async () => {
    const fs2 = await import('node:fs');
    const path = await import('node:path');
    const app = await chromiumApp.open({ hash: '#/settings', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    await page.reload();
    const card = page.getByRole('region', { name: 'Mẫu Word của cơ quan' });
    await card.getByRole('button', { name: 'Lưu mẫu gợi ý…' }).click();
    await expect.poll(() => card.getByText(/Đã lưu mẫu gợi ý: .*mau-phu-luc\.docx/).count()).toBe(1);
    const starter = path.join(ctx.platform.outDir, 'mau-phu-luc.docx');
    expect(fs2.existsSync(starter)).toBe(true);
    ctx.platform.chosenFiles.push(starter);
    await card.getByRole('button', { name: 'Chọn mẫu Word…' }).click();
    await expect.poll(() => page.getByTestId('template-info').textContent()).toBe('Đang dùng: mau-phu-luc.docx');
    await app.screenshot('43-settings-template');

    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/matrix`));
    await page.getByRole('button', { name: /^Xuất…/ }).click();
    await page.getByRole('menuitem', { name: 'Phụ lục theo mẫu Word của cơ quan' }).click();
    const saved = page.getByRole('status').filter({ hasText: /Đã lưu: .*\.docx$/ });
    await expect.poll(() => saved.count()).toBe(1);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync((await saved.textContent())!.replace('Đã lưu: ', '')))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('SỞ Y TẾ');
    expect(xml).not.toContain('{#rows}');
  });
});

describe('backups from the settings screen', () => {
  it('warns when there is no backup, takes one now, and lists it', async () => {
    const app = await chromiumApp.open({ hash: '#/settings', now: new Date('2026-11-23T02:00:00Z') });
    const { page } = app;
    const card = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
    await expect
      .poll(() => card.getByRole('alert').textContent())
      .toBe('Chưa có bản sao lưu nào. Hãy bấm "Sao lưu ngay".');
    await card.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect
      .poll(() => card.getByTestId('backup-last').textContent())
      .toBe('Bản sao lưu gần nhất: 23/11/2026 09:00 (Sao lưu ngay).');
    expect(await card.getByRole('alert').count()).toBe(0);
    await app.screenshot('44-settings-backup');
    // The log the office can send for support: its folder opened in the system's file manager.
    const log = page.getByRole('region', { name: 'Nhật ký hoạt động' });
    await log.getByRole('button', { name: 'Mở thư mục nhật ký' }).click();
    await expect.poll(() => app.ctx.platform.logFolderOpened).toBe(1);
    await log.scrollIntoViewIfNeeded();
    await app.screenshot('45-settings-log');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot('45-settings-log-1920');
  });
});
