import { describe, expect, it } from 'vitest';
import { listBackupFiles, backupFolder } from '../../electron/services/backup/backups';
import { useAppInChromium } from './harness';

const chromiumApp = useAppInChromium();

describe('units through time on the units screen', () => {
  it('records a merger with the wizard, and the tree shows the units of the day chosen', async () => {
    const app = await chromiumApp.open({ hash: '#/units', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    const codes = () => page.locator('.ag-row .ag-cell[col-id="code"]').allTextContents();

    // The wizard: what and when, the units before, the unit after.
    await page.getByRole('button', { name: 'Ghi nhận sáp nhập, chia tách…' }).click();
    const wizard = page.getByRole('complementary', { name: 'Ghi nhận thay đổi đơn vị' });
    await wizard.getByLabel('Sáp nhập').check();
    expect(await wizard.getByLabel('Ngày có hiệu lực').inputValue()).toBe('2025-07-01');
    const next = wizard.getByRole('button', { name: 'Tiếp' });
    expect(await next.isDisabled()).toBe(true); // no legal basis yet
    await wizard.getByLabel('Căn cứ (số, ngày văn bản)').fill('Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025');
    await next.click();
    await wizard.getByLabel('Tìm đơn vị').fill('binh son');
    await wizard.getByLabel(/^524 Huyện Bình Sơn/).check();
    await wizard.getByLabel('Tìm đơn vị').fill('tra bong');
    await wizard.getByLabel(/^525 Huyện Trà Bồng/).check();
    await next.click();
    await wizard.getByLabel('Mã đơn vị sau sáp nhập').fill('52425');
    await wizard.getByLabel('Tên đơn vị sau sáp nhập').fill('Huyện Bình Sơn - Trà Bồng');
    expect(await wizard.getByTestId('change-summary').textContent()).toBe(
      'Từ ngày 01/07/2025, 524 Huyện Bình Sơn, 525 Huyện Trà Bồng kết thúc và sáp nhập thành đơn vị mới 52425 Huyện Bình Sơn - Trà Bồng; các đơn vị trực thuộc còn hoạt động chuyển về đơn vị này. Số liệu cũ được cộng vào đơn vị mới khi xem theo địa giới mới; chỉ tiêu Có/Không: "Có" khi mọi đơn vị cũ có.',
    );
    await app.screenshot('49-unit-merge-wizard');
    await wizard.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => wizard.getByRole('status').textContent()).toMatch(/^Đã ghi nhận\. Bản sao lưu trước khi thay đổi: pcmd-\d{8}-\d{6}-truoc-gop\.db\.$/);
    expect(listBackupFiles(backupFolder(ctx)).map((b) => b.kind)).toContain('truoc-gop');
    await wizard.getByRole('button', { name: 'Đóng' }).click();

    // Today: the merged district in place of the two.
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('23 đơn vị');
    expect(await codes()).toEqual(expect.arrayContaining(['52425']));
    expect(await codes()).not.toEqual(expect.arrayContaining(['524']));
    expect(await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn - Trà Bồng' }).locator('.ag-cell[col-id="validity"]').textContent()).toBe('từ 01/07/2025');
    await app.screenshot('50-units-today');

    // As the province was on 1/1/2024: the two districts, not the merged one; the change in the log.
    await page.getByLabel('Đơn vị có hiệu lực ngày').fill('2024-01-01');
    await expect.poll(() => codes()).toEqual(expect.arrayContaining(['524', '525']));
    expect(await codes()).not.toEqual(expect.arrayContaining(['52425']));
    expect(await page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    expect(await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).first().locator('.ag-cell[col-id="validity"]').textContent()).toBe('đến 30/06/2025');
    await page.getByRole('button', { name: 'Các lần thay đổi' }).click();
    await expect.poll(() => page.getByTestId('unit-events').textContent()).toBe(
      '01/07/2025 · Sáp nhập: 524 Huyện Bình Sơn, 525 Huyện Trà Bồng → 52425 Huyện Bình Sơn - Trà BồngCăn cứ: Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025',
    );
    await app.screenshot('51-units-2024-events');
    await page.getByRole('button', { name: 'Hôm nay' }).click();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('23 đơn vị');
  });
});
