import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppInChromium, type AppUnderTest } from './harness';

const chromiumApp = useAppInChromium();
let app: AppUnderTest;

async function withDemo(hash = '') {
  app = await chromiumApp.open({ hash });
  expect((await app.page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
  await app.page.reload();
}

describe('application shell', () => {
  it('offers demo data on an empty database, creates it, and shows the areas that exist', async () => {
    app = await chromiumApp.open();
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: /Chào mừng/ }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Các phần của phần mềm' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Tổng quan',
      'Kế hoạch, chỉ tiêu',
      'Biểu mẫu',
      'Đợt báo cáo',
      'Hộp thư đến',
      'Đơn vị',
      'Cài đặt',
      'Hướng dẫn',
    ]);
    await app.screenshot('01-welcome');

    await page.getByRole('button', { name: 'Tạo dữ liệu mẫu' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Đã tạo dữ liệu mẫu: 24 đơn vị, 15 chỉ tiêu, 11 nhiệm vụ, 5 đợt báo cáo năm có số liệu.');
    expect(await page.getByTestId('count-units').textContent()).toBe('24Đơn vị');
    await app.screenshot('02-overview');

    await nav.getByRole('link', { name: 'Kế hoạch, chỉ tiêu' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents())
      .toContainEqual(expect.stringContaining('năm 2025'));
    // The demo's tasks were due in December 2025: on this day they are all overdue.
    expect(await page.getByText('9 chỉ tiêu (3 đã gắn số liệu) · 11 nhiệm vụ · 11 quá hạn').count()).toBe(1);
    expect(await page.getByText('Chưa ghi số văn bản ngày 10/04/2025').count()).toBe(1);
    await app.screenshot('03-plans');
    expect(page.url()).toMatch(/#\/plans$/);
  });
});

describe('units screen', () => {
  it('lists the unit tree with indentation and finds units without diacritics', async () => {
    await withDemo('#/units');
    const { page } = app;
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
    const row = page.locator('.ag-row', { hasText: 'Thị xã Đức Phổ' });
    expect(await row.locator('.ag-cell[col-id="code"]').textContent()).toBe('534');
    const indent = await row.locator('.tree-cell').evaluate((el) => getComputedStyle(el).paddingLeft);
    expect(indent).toBe('20px');
    await app.screenshot('04-units');

    const search = page.getByRole('searchbox');
    await search.fill('duc pho');
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('2/24 đơn vị');
    await expect
      .poll(() => page.locator('.ag-row').allInnerTexts())
      .toEqual([expect.stringContaining('Tỉnh Quảng Ngãi'), expect.stringContaining('Thị xã Đức Phổ')]);
    await search.fill('MỘ ĐỨC');
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('2/24 đơn vị');
    expect(await page.locator('.ag-row', { hasText: 'Huyện Mộ Đức' }).count()).toBe(1);
    await search.fill('vpubnd.lyson');
    await expect.poll(() => page.locator('.ag-row', { hasText: 'Huyện Lý Sơn' }).count()).toBe(1);
    await app.screenshot('05-units-search');

    await search.fill('');
    await page.getByRole('button', { name: 'Thu gọn Tỉnh Quảng Ngãi' }).click();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('1/24 đơn vị');
    await page.getByRole('button', { name: 'Mở Tỉnh Quảng Ngãi' }).click();
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('24 đơn vị');
  });

  it('imports units from a CSV the user chooses, and explains a malformed one in Vietnamese without changing anything', async () => {
    app = await chromiumApp.open({ hash: '#/units' });
    const { page, ctx } = app;
    const good = path.join(ctx.database.dir, 'don-vi.csv');
    fs.writeFileSync(
      good,
      'code,name,kind,parent_code,emails\n51,Tỉnh Quảng Ngãi,province,,\n524,Huyện Bình Sơn,district,51,binhson@quangngai.gov.vn\n536,Huyện Lý Sơn,huyện,51,\n',
    );
    ctx.platform.chosenFiles.push(good);
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp…' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Đã nhập tệp don-vi.csv: thêm 3, cập nhật 0, không đổi 0 đơn vị.');
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('3 đơn vị');
    expect(await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).textContent()).toContain(
      'binhson@quangngai.gov.vn',
    );

    const bad = path.join(ctx.database.dir, 'loi.csv');
    fs.writeFileSync(
      bad,
      'code,name,kind,parent_code,emails\n525,Huyện Trà Bồng,district,51,\n526,Huyện Sai,thành phố mới,51,\n527,"Huyện Dở,district,51,\n',
    );
    ctx.platform.chosenFiles.push(bad);
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp…' }).click();
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Tệp "loi.csv" có 1 lỗi nên chưa nhập đơn vị nào\. Dòng 4: dấu ngoặc kép/);
    await app.screenshot('06-units-import-error');
    expect(await page.getByTestId('unit-count').textContent()).toBe('3 đơn vị');
    const stored = await ctx.db.selectFrom('org_unit').select('code').orderBy('code').execute();
    expect(stored.map((u) => u.code)).toEqual(['51', '524', '536']);

    const kinds = path.join(ctx.database.dir, 'loai.csv');
    fs.writeFileSync(
      kinds,
      'code,name,kind,parent_code\n525,Huyện Trà Bồng,district,51\n526,Huyện Sai,thành phố mới,51\n,Không mã,district,51\n',
    );
    ctx.platform.chosenFiles.push(kinds);
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp…' }).click();
    await expect
      .poll(() => alert.locator('li').allInnerTexts())
      .toEqual([
        'dòng 3: loại đơn vị "thành phố mới" không hợp lệ (dùng: tỉnh, huyện, xã, sở/ngành, thường trực)',
        'dòng 4: thiếu mã đơn vị',
      ]);
    expect(await page.getByTestId('unit-count').textContent()).toBe('3 đơn vị');
  });
});

describe('the API boundary in the page', () => {
  it('refuses an invalid payload and an unknown channel with Vietnamese messages', async () => {
    app = await chromiumApp.open();
    const results = await app.page.evaluate(async () => [
      await window.api.invoke('units:list-units', { asOf: 'hôm qua' }),
      await window.api.invoke('units:list-units', { asOf: 42 }),
      await window.api.invoke('units:drop-all' as 'units:list-units', {}),
    ]);
    expect(results[0]).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('Ngày phải có dạng YYYY-MM-DD') },
    });
    expect(results[1]).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/Dữ liệu gửi lên không hợp lệ: asOf: .*(chuỗi|string)/i),
      },
    });
    expect(results[2]).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Kênh "units:drop-all" không tồn tại.' },
    });
    expect(await app.ctx.db.selectFrom('org_unit').select('id').execute()).toEqual([]);
  });

  it('runs no inline script and loads nothing from outside (Content-Security-Policy)', async () => {
    app = await chromiumApp.open();
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return { injected: (window as unknown as { __injected?: boolean }).__injected === true, violations };
    });
    expect(outcome).toEqual({ injected: false, violations: ['script-src-elem'] });
    app.pageErrors.splice(0); // the refused script is reported on the console, as it should be
  });
});
