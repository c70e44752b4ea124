import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedAppendixDocx } from '../fixtures/seed-appendix';
import { getFormVersionRows, listFormSummaries } from '../../db/forms/repo';
import { useAppInChromium, type AppUnderTest } from './harness';
import { createDemo } from '../../electron/services/demo/create-demo';

const chromiumApp = useAppInChromium();
let app: AppUnderTest;

describe('forms and rounds', () => {
  it('imports a form from an appendix, edits a row, creates a round, exports templates and shows the completeness board', async () => {
    app = await chromiumApp.open({ hash: '#/forms', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    await createDemo(ctx); // the province and its plans, without the demo's five years of figures

    // Import: the user picks the appendix; the preview shows the tree for checking.
    const file = path.join(ctx.database.dir, 'phu-luc-142.docx');
    fs.writeFileSync(file, await seedAppendixDocx());
    ctx.platform.chosenFiles.push(file);
    await page.getByRole('button', { name: 'Nhập biểu mẫu từ phụ lục…' }).click();
    await expect.poll(() => page.getByText('Xem trước: phu-luc-142.docx (bảng 2)').count()).toBe(1);
    await expect.poll(() => page.locator('.ag-row', { hasText: 'Cơ sở lưu trú' }).count()).toBe(1);
    await app.screenshot('10-form-preview');
    const nameBox = page.getByRole('textbox').first();
    // The name is the appendix's own title, not its file name.
    expect(await nameBox.inputValue()).not.toContain('phu-luc');
    expect(await nameBox.inputValue()).toMatch(/^Biểu tổng hợp số liệu 05 năm thực hiện/);
    await nameBox.fill('Tổng kết 5 năm 2016-2020');
    await page.getByRole('button', { name: 'Lưu biểu mẫu' }).click();
    await expect
      .poll(async () => (await listFormSummaries(ctx.db)).map((f) => [f.name, f.rows]))
      .toEqual([['Tổng kết 5 năm 2016-2020', 102]]);

    // Edit: rename "Vũ trường" by typing in its cell, indent it under the row above, save.
    const cell = page.locator('.ag-row', { hasText: 'Vũ trường' }).locator('.ag-cell[col-id="text"]');
    await cell.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Vũ trường, quán bar');
    await page.keyboard.press('Enter');
    await cell.click();
    await page.getByRole('button', { name: 'Thụt vào →' }).click();
    await expect.poll(() => page.getByText('Có thay đổi chưa lưu.').count()).toBe(1);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã lưu biểu mẫu.');
    const form = (await listFormSummaries(ctx.db))[0]!;
    const rows = await getFormVersionRows(ctx.db, form.latestVersionId);
    const bar = rows.find((r) => r.text === 'Vũ trường, quán bar')!;
    expect(rows[bar.parentRow! - 1]!.text).toBe('Nhà hàng Karaoke & cơ sở massage');
    await app.screenshot('11-form-edited');

    // Round: create it for every district and department.
    await page.getByRole('link', { name: 'Đợt báo cáo' }).click();
    await page.getByRole('button', { name: 'Tạo đợt báo cáo' }).click();
    const panel = page.getByRole('form', { name: 'Tạo đợt báo cáo mới' });
    await panel.getByLabel('Kỳ báo cáo').fill('2016-2020');
    await panel.getByLabel('Ngày chốt số liệu').fill('2020-07-10');
    await panel.getByLabel('Hạn gửi').fill('2020-07-05');
    await panel.getByRole('button', { name: 'Tạo đợt' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('hạn gửi 05/07/2020 sớm hơn ngày chốt số liệu 10/07/2020');
    await panel.getByLabel('Ngày chốt số liệu').fill('2020-06-30');
    await panel.getByRole('button', { name: 'Tạo đợt' }).click();
    await expect.poll(() => page.getByTestId('count-all').textContent()).toBe('22Tất cả');
    expect(await page.getByTestId('count-expected').textContent()).toBe('22Chưa nhận');
    expect(await page.getByTestId('count-late').textContent()).toBe('22Trễ hạn');
    await expect
      .poll(() =>
        page.locator('.ag-row', { hasText: 'Thị xã Đức Phổ' }).locator('.ag-cell[col-id="daysLate"]').textContent(),
      )
      .toBe('3');

    // Templates: the user picks a folder; progress shows while they are written.
    const folder = path.join(ctx.database.dir, 'gui-don-vi');
    ctx.platform.folders.push(folder);
    await page.getByRole('button', { name: 'Xuất biểu mẫu gửi đơn vị…' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe(`Đã ghi 22 biểu mẫu Excel và 22 thư nháp (.eml) vào ${folder}.`);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toHaveLength(22);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.eml'))).toHaveLength(22);

    await page.getByRole('button', { name: 'Soạn thư nhắc' }).click();
    const reminder = await page.getByRole('textbox', { name: 'Thư nhắc các đơn vị chưa gửi' }).inputValue();
    expect(reminder).toContain('hạn gửi báo cáo là ngày 05/07/2020');
    expect(reminder).toContain('Đến ngày 08/07/2020, cơ quan thường trực chưa nhận được báo cáo'); // the same day the lateness is counted to
    // Copied through the main process's clipboard (the page has no clipboard permission).
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Đã sao chép.' }).count()).toBe(1);
    expect(ctx.platform.copied).toEqual([reminder]);
    await page.getByTestId('count-expected').click();
    await app.screenshot('12-completeness-board');
  });
});
