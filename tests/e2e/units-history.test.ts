import { describe, expect, it } from 'vitest';
import { listBackupFiles, backupFolder } from '../../electron/services/backup/backups';
import path from 'node:path';
import { useAppInChromium } from './harness';
import { createTestContext } from '../../electron/testing/service-context';
import { buildTargetProvince } from '../../electron/testing/target-province';
import fs from 'node:fs';
import { listBefore2025 } from '../fixtures/official-list';

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
    await expect
      .poll(() => wizard.getByRole('status').textContent())
      .toMatch(/^Đã ghi nhận\. Bản sao lưu trước khi thay đổi: pcmd-\d{8}-\d{6}-truoc-gop\.db\.$/);
    expect(listBackupFiles(backupFolder(ctx)).map((b) => b.kind)).toContain('truoc-gop');
    await wizard.getByRole('button', { name: 'Đóng' }).click();

    // Today: the merged district in place of the two.
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('23 đơn vị');
    expect(await codes()).toEqual(expect.arrayContaining(['52425']));
    expect(await codes()).not.toEqual(expect.arrayContaining(['524']));
    expect(
      await page
        .locator('.ag-row', { hasText: 'Huyện Bình Sơn - Trà Bồng' })
        .locator('.ag-cell[col-id="validity"]')
        .textContent(),
    ).toBe('từ 01/07/2025');
    await app.screenshot('50-units-today');

    // As the province was on 1/1/2024: the two districts, not the merged one; the change in the log.
    await page.getByLabel('Đơn vị có hiệu lực ngày').fill('2024-01-01');
    await expect.poll(() => codes()).toEqual(expect.arrayContaining(['524', '525']));
    expect(await codes()).not.toEqual(expect.arrayContaining(['52425']));
    expect(await page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    expect(
      await page
        .locator('.ag-row', { hasText: 'Huyện Bình Sơn' })
        .first()
        .locator('.ag-cell[col-id="validity"]')
        .textContent(),
    ).toBe('đến 30/06/2025');
    await page.getByRole('button', { name: 'Các lần thay đổi' }).click();
    await expect
      .poll(() => page.getByTestId('unit-events').textContent())
      .toBe(
        '01/07/2025 · Sáp nhập: 524 Huyện Bình Sơn, 525 Huyện Trà Bồng → 52425 Huyện Bình Sơn - Trà BồngCăn cứ: Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025',
      );
    await app.screenshot('51-units-2024-events');
    await page.getByRole('button', { name: 'Hôm nay' }).click();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('23 đơn vị');
  });

  it('brings in the database of the office of the province that merged into this one', async () => {
    const app = await chromiumApp.open({ hash: '#/units', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    // Kon Tum's office sends a backup of its database.
    const other = await createTestContext(new Date('2025-06-20T03:00:00Z'));
    const k = await buildTargetProvince(other, {
      code: '62',
      name: 'Tỉnh Kon Tum',
      districts: { '608': 'Huyện Đắk Hà', '610': 'Huyện Sa Thầy' },
    });
    await k.fillYear('2024', { '608': { crimes: 4 }, '610': { crimes: 2 } });
    const file = path.join(ctx.database.dir, 'kon-tum.db');
    await other.copyDatabase(file);
    await other.dispose();

    ctx.platform.chosenFiles.push(file);
    await page.getByRole('button', { name: 'Nhập dữ liệu tỉnh đã hợp nhất…' }).click();
    const result = page.getByTestId('office-import-result');
    await expect.poll(() => result.textContent()).toContain('Đã nhập dữ liệu của Tỉnh Kon Tum (kon-tum.db):');
    expect(await result.textContent()).toContain(
      'Mã "SYT" (Sở Y tế) đã có ở đây: đơn vị của Tỉnh Kon Tum mang mã "62-SYT".',
    );
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('28 đơn vị');
    await page.getByRole('searchbox').fill('kon tum');
    await expect
      .poll(() =>
        page.locator('.ag-row', { hasText: 'Sở Y tế (Tỉnh Kon Tum)' }).locator('.ag-cell[col-id="code"]').textContent(),
      )
      .toBe('62-SYT');
    await app.screenshot('52-office-import');
    await page.getByRole('searchbox').fill('');

    // The same file again: nothing new.
    ctx.platform.chosenFiles.push(file);
    await page.getByRole('button', { name: 'Nhập dữ liệu tỉnh đã hợp nhất…' }).click();
    await expect
      .poll(() => result.textContent())
      .toBe(
        'Tỉnh Kon Tum (kon-tum.db): không có gì mới; dữ liệu không thay đổi.  Tệp này đã được nhập ngày 23/11/2026.',
      );
    expect(await page.getByTestId('unit-count').textContent()).toBe('28 đơn vị');
  });

  it('previews the official list before applying it, with the provinces to take', async () => {
    const app = await chromiumApp.open({ hash: '#/units', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    const file = path.join(ctx.database.dir, 'danh-muc.xlsx');
    fs.writeFileSync(file, await listBefore2025());

    await page.getByRole('button', { name: 'Danh mục hành chính…' }).click();
    const panel = page.getByRole('complementary', { name: 'Danh mục đơn vị hành chính' });
    ctx.platform.chosenFiles.push(file);
    await panel.getByRole('button', { name: 'Chọn tệp danh mục…' }).click();
    const preview = panel.getByTestId('official-list-preview');
    await expect
      .poll(() => preview.textContent())
      .toContain(
        'Thêm 4: 21100 Phường Lê Hồng Phong; 21103 Phường Trần Phú; 21142 Thị trấn Châu Ổ; 21200 Đặc khu Lý Sơn',
      );
    expect(await panel.getByLabel(/^51 Tỉnh Quảng Ngãi/).isChecked()).toBe(true);
    expect(await panel.getByLabel(/^62 Tỉnh Kon Tum/).isChecked()).toBe(false);
    // Kon Tum too: its district and commune are added to the preview; nothing is written yet.
    await panel.getByLabel(/^62 Tỉnh Kon Tum/).check();
    await expect.poll(() => preview.textContent()).toContain('Thêm 7:');
    expect(await page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    await app.screenshot('53-official-list-preview');
    await panel.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => preview.textContent()).toMatch(/^Đã áp dụng danh mục "danh-muc.xlsx"/);
    expect(await preview.textContent()).toMatch(/Bản sao lưu trước khi áp dụng: pcmd-\d{8}-\d{6}-truoc-danh-muc\.db/);
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('31 đơn vị');
  });

  it('records a split into a new unit typed in the wizard', async () => {
    const app = await chromiumApp.open({ hash: '#/units', now: new Date('2026-11-23T03:00:00Z') });
    const { page } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    await page.getByRole('button', { name: 'Ghi nhận sáp nhập, chia tách…' }).click();
    const wizard = page.getByRole('complementary', { name: 'Ghi nhận thay đổi đơn vị' });
    await wizard.getByLabel('Chia tách').check();
    await wizard.getByLabel('Căn cứ (số, ngày văn bản)').fill('Nghị quyết số 1656/NQ-UBTVQH15');
    await wizard.getByRole('button', { name: 'Tiếp' }).click();
    await wizard.getByLabel('Tìm đơn vị').fill('ly son');
    await wizard.getByLabel(/^536 Huyện Lý Sơn/).check();
    await wizard.getByRole('button', { name: 'Tiếp' }).click();
    await wizard.getByLabel('Đơn vị nhận 1').selectOption({ label: '+ Đơn vị mới…' });
    await wizard.getByLabel('Mã đơn vị mới 1').fill('21200');
    await wizard.getByLabel('Tên đơn vị mới 1').fill('Đặc khu Lý Sơn');
    await wizard.getByLabel('Cấp của đơn vị mới 1').selectOption({ label: 'Cấp xã' });
    await wizard.getByLabel('Tỷ lệ 1 (%)').fill('100');
    expect(await wizard.getByTestId('change-summary').textContent()).toBe(
      'Từ ngày 01/07/2025, 536 Huyện Lý Sơn kết thúc; số liệu cũ được chia cho 21200 Đặc khu Lý Sơn (đơn vị mới) (100%), chỉ tiêu Có/Không giữ nguyên cho từng đơn vị.',
    );
    await app.screenshot('55-unit-split-new-part');
    await wizard.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => wizard.getByRole('status').textContent()).toMatch(/^Đã ghi nhận\./);
    await wizard.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('searchbox').fill('ly son');
    await expect.poll(() => page.locator('.ag-row .ag-cell[col-id="code"]').allTextContents()).toEqual(['51', '21200']);
    expect(
      await page.locator('.ag-row', { hasText: 'Đặc khu Lý Sơn' }).locator('.ag-cell[col-id="validity"]').textContent(),
    ).toBe('từ 01/07/2025');
    expect(
      await page.locator('.ag-row', { hasText: 'Đặc khu Lý Sơn' }).locator('.ag-cell[col-id="kind"]').textContent(),
    ).toBe('Cấp xã');
  });
});
