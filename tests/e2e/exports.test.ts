import fs from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
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
    await page.getByLabel('Xuất số liệu').selectOption('docx');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent()).toMatch(/Đã lưu: .*phu-luc-.*\.docx$/);
    const docxPath = (await page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent())!.replace('Đã lưu: ', '');
    const documentXml = await (await JSZip.loadAsync(fs.readFileSync(docxPath))).file('word/document.xml')!.async('string');
    expect(documentXml).toContain('Nguyễn Văn Bình');
    expect(documentXml).toContain('PHỤ LỤC');

    await page.getByLabel('Xuất số liệu').selectOption('xlsx');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent()).toMatch(/\.xlsx$/);
    const xlsxPath = (await page.getByRole('status').filter({ hasText: 'Đã lưu:' }).textContent())!.replace('Đã lưu: ', '');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Công an tỉnh', 'Huyện Bình Sơn', 'Thị xã Đức Phổ']);
    await app.screenshot('41-matrix-exported');
  });
});
