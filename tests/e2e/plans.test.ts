import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppInChromium, type AppUnderTest } from './harness';

const chromiumApp = useAppInChromium();
let app: AppUnderTest;
const quangBinh = fs.readFileSync(
  path.join(__dirname, '../fixtures/seed-plans/quang-binh-442-kh-ubnd-2022.txt'),
  'utf8',
);

describe('plans and targets', () => {
  it('creates a plan from pasted text, keeps two suggested targets, links them to indicators, shows their statuses and drills down', async () => {
    app = await chromiumApp.open({ hash: '#/plans', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();

    // Paste the Quảng Bình plan and read it.
    await page.getByRole('link', { name: 'Thêm kế hoạch từ văn bản…' }).click();
    await page.getByLabel('Nội dung kế hoạch').fill(quangBinh);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    const doc = page.getByRole('group', { name: 'Thông tin văn bản' });
    await expect.poll(() => doc.getByLabel('Số, ký hiệu').inputValue()).toBe('442/KH-UBND');
    expect(await doc.getByLabel('Ngày ban hành').inputValue()).toBe('2022-03-22');
    expect(await doc.getByLabel('Cơ quan ban hành').inputValue()).toBe('UBND tỉnh Quảng Bình');
    const suggested = page.getByRole('table', { name: 'Chỉ tiêu đề xuất' });
    expect(await suggested.locator('tbody tr').count()).toBe(14);
    expect(await page.getByTestId('suggested-9').getByLabel('Loại chỉ tiêu 9').inputValue()).toBe('growth');
    await app.screenshot('40-plan-from-text');

    // Keep two: the growth of crimes handled (9) and the yearly 20% inspections (10).
    for (let i = 1; i <= 14; i++) {
      if (i !== 9 && i !== 10) await page.getByLabel(`Giữ chỉ tiêu ${i}`, { exact: true }).uncheck();
    }
    await page.getByRole('button', { name: 'Lưu kế hoạch với 2 chỉ tiêu và 0 nhiệm vụ' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/plans\/\d+$/);
    const targets = page.getByRole('table', { name: 'Chỉ tiêu của kế hoạch' });
    await expect.poll(() => targets.locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('target-9').textContent()).toContain('Chưa gắn số liệu');

    // Link 9 to "Số người bị xử lý hình sự".
    await page.getByRole('button', { name: 'Gắn số liệu cho chỉ tiêu 9' }).click();
    const editor9 = page.getByRole('complementary', { name: 'Chỉ tiêu 9: cách tính' });
    const optionOf = async (select: ReturnType<typeof page.getByLabel>, start: string) =>
      (await select.locator('option').allTextContents()).find((o) => o.startsWith(start))!;
    const indicator9 = editor9.getByLabel('Chỉ tiêu thống kê (tử số)');
    await indicator9.selectOption({ label: await optionOf(indicator9, 'Số người bị xử lý hình sự') });
    await editor9.getByRole('button', { name: 'Lưu cách tính' }).click();
    await expect.poll(() => editor9.count()).toBe(0);

    // Link 10 to the inspected businesses over all at-risk businesses.
    await page.getByRole('button', { name: 'Gắn số liệu cho chỉ tiêu 10' }).click();
    const editor10 = page.getByRole('complementary', { name: 'Chỉ tiêu 10: cách tính' });
    const indicator10 = editor10.getByLabel('Chỉ tiêu thống kê (tử số)');
    await indicator10.selectOption({ label: await optionOf(indicator10, 'Tổng số cơ sở kiểm tra trong kỳ') });
    await editor10.getByLabel('Mẫu số').selectOption('indicator');
    const denominator = editor10.getByLabel('Chỉ tiêu thống kê (mẫu số)');
    await denominator.selectOption({
      label: await optionOf(denominator, 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh'),
    });
    await editor10.getByRole('button', { name: 'Lưu cách tính' }).click();
    await expect.poll(() => editor10.count()).toBe(0);

    // Statuses per year, from the demo's five years of district figures.
    const row10 = page.getByTestId('target-10');
    await expect.poll(() => row10.locator('.chip').count()).toBe(5);
    expect(await row10.textContent()).toContain('Tổng số cơ sở kiểm tra trong kỳ');
    expect(await row10.locator('.chip').first().textContent()).toMatch(/^2021: \d+,\d+%$/);
    const row9 = page.getByTestId('target-9');
    await expect.poll(() => row9.locator('.chip').count()).toBe(5);
    expect(await row9.locator('.chip-no-data').first().textContent()).toBe('2021: —');
    expect(await row9.locator('.chip-at-risk').last().textContent()).toMatch(/^2025: /);
    await app.screenshot('41-plan-targets');

    // Drill down: how 2023 was computed, and each district's figures.
    await row10.locator('.chip', { hasText: '2023:' }).click();
    const panel = page.getByRole('complementary', { name: 'Chỉ tiêu 10, năm 2023' });
    const explanation = await panel.getByTestId('explanation').textContent();
    expect(explanation).toMatch(
      /^Tỷ lệ = Tổng số cơ sở kiểm tra trong kỳ \(\d+\) ÷ Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn \(\d+\) × 100 = [\d,]+% \(13\/13 đơn vị đã gửi báo cáo\)\. Chỉ tiêu ≥ 20%: /,
    );
    const rows = panel.getByRole('table', { name: 'Số liệu các đơn vị' }).locator('tbody tr');
    expect(await rows.count()).toBe(13);
    // The numerator in words equals the sum of the districts' figures shown.
    const figures = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.children[1]!.textContent.replace(/\./g, ''))),
    );
    expect(explanation).toContain(
      `Tổng số cơ sở kiểm tra trong kỳ (${figures.reduce((a, b) => a + b, 0).toLocaleString('vi-VN')})`,
    );
    await app.screenshot('42-target-drilldown');

    // The draft report on this plan, with the 2025 round's appendix.
    await panel.getByRole('button', { name: 'Đóng' }).click();
    await page
      .getByLabel('Phụ lục kèm theo')
      .selectOption({ label: 'Biểu tổng hợp số liệu phòng, chống mại dâm năm 2025' });
    await page.getByRole('button', { name: 'Dự thảo báo cáo (Word)…' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu dự thảo báo cáo');
    const report = fs.readdirSync(ctx.platform.outDir).find((f) => f.startsWith('bao-cao-') && f.endsWith('.docx'))!;
    expect(fs.statSync(path.join(ctx.platform.outDir, report)).size).toBeGreaterThan(8000);

    // Evaluated in the boundaries of a day: each result says so.
    await page.getByLabel('Đánh giá theo địa giới ngày').fill('2024-01-01');
    await row10.locator('.chip', { hasText: '2023:' }).click();
    const inBoundaries = page.getByRole('complementary', { name: 'Chỉ tiêu 10, năm 2023' });
    await expect
      .poll(() => inBoundaries.getByTestId('explanation').textContent())
      .toContain('Theo địa giới ngày 01/01/2024 (Tỉnh Quảng Ngãi).');
  });

  it("adds a target the reading missed, measured against the office's own register, and deletes one", async () => {
    app = await chromiumApp.open({ hash: '#/plans', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();

    // The office's register of at-risk businesses, typed for 2025 and a column pasted from Excel.
    await page.getByRole('link', { name: 'Sổ theo dõi…' }).click();
    await page.getByLabel('Mã sổ').fill('CSKD');
    await page.getByLabel('Tên sổ').fill('Số cơ sở kinh doanh dịch vụ dễ bị lợi dụng');
    await page.getByLabel('Đơn vị tính').fill('Cơ sở');
    const table = page.getByRole('table', { name: 'Số liệu của sổ theo từng đơn vị và năm' });
    const names = (await table.locator('tbody tr td:first-child').allTextContents()).map((n) => n.trim());
    const first = names.findIndex((n) => n.startsWith('522 '));
    const cell = (row: number) => table.getByLabel(`${names[row]!.replace(/^\S+ /, '')}, năm 2025`);
    await cell(first).evaluate((input, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, '40\r\n30\r\n20\r\n');
    await expect.poll(() => cell(first + 2).inputValue()).toBe('20');
    expect(await cell(first + 1).inputValue()).toBe('30');
    await cell(first + 3).fill('abc');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('1 ô không phải là số');
    expect(await page.getByRole('button', { name: /^Lưu sổ/ }).isDisabled()).toBe(true);
    await cell(first + 3).fill('1.250');
    await app.screenshots('57-register');
    await page.getByRole('button', { name: 'Lưu sổ (4 ô thay đổi)' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu sổ theo dõi CSKD.');
    const stored = await page.evaluate(() => window.api.invoke('targets:list-registers', {}));
    expect(stored).toMatchObject({ ok: true });
    const register = (stored as { value: { code: string; values: { unitCode: string; value: number }[] }[] }).value[0]!;
    expect(register.code).toBe('CSKD');
    expect(register.values.map((v) => v.value).sort((a, b) => a - b)).toEqual([20, 30, 40, 1250]);

    // A target of the 2025 plan the reading missed: inspections over the register.
    await page.getByRole('button', { name: '← Kế hoạch, chỉ tiêu' }).click();
    await page
      .locator('.plan-card', { hasText: 'năm 2025' })
      .getByRole('link', { name: 'Xem chỉ tiêu, nhiệm vụ' })
      .click();
    const targets = page.getByRole('table', { name: 'Chỉ tiêu của kế hoạch' });
    await expect.poll(() => targets.locator('tbody tr').count()).toBeGreaterThan(0);
    const before = await targets.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const editor = page.getByRole('complementary', { name: 'Chỉ tiêu mới của kế hoạch' });
    await editor.getByLabel('Mục (ví dụ a, 2.1)').fill('x');
    await editor.getByLabel('Nội dung chỉ tiêu').fill('Kiểm tra ít nhất 30% số cơ sở trong sổ theo dõi');
    await editor.getByRole('combobox', { name: /^Loại/ }).selectOption('ratio');
    const indicator = editor.getByLabel('Chỉ tiêu thống kê (tử số)');
    const inspected = (await indicator.locator('option').allTextContents()).find((o) =>
      o.startsWith('Tổng số cơ sở kiểm tra trong kỳ'),
    )!;
    await indicator.selectOption({ label: inspected });
    await editor.getByLabel('Mẫu số').selectOption('register');
    await editor.getByRole('combobox', { name: /^Sổ theo dõi của cơ quan/ }).selectOption('CSKD');
    await editor.getByRole('spinbutton', { name: 'Mức', exact: true }).fill('30');
    await app.screenshots('58-target-new');
    await editor.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await expect.poll(() => targets.locator('tbody tr').count()).toBe(before + 1);
    const row = page.getByTestId('target-x');
    expect(await row.textContent()).toContain('÷ sổ theo dõi CSKD');
    await expect.poll(() => row.locator('.chip', { hasText: '2025:' }).count()).toBe(1);
    await row.locator('.chip', { hasText: '2025:' }).click();
    const drill = page.getByRole('complementary', { name: 'Chỉ tiêu x, năm 2025' });
    await expect
      .poll(() => drill.getByTestId('explanation').textContent())
      .toContain('Số cơ sở kinh doanh dịch vụ dễ bị lợi dụng');
    await drill.getByRole('button', { name: 'Đóng' }).click();

    // Deleted after a confirmation; the overview's count of targets follows at once.
    await page.getByRole('button', { name: 'Gắn số liệu cho chỉ tiêu x' }).click();
    const edit = page.getByRole('complementary', { name: 'Chỉ tiêu x: cách tính' });
    await edit.getByRole('button', { name: 'Xóa chỉ tiêu…' }).click();
    await app.screenshots('59-target-delete');
    await edit.getByRole('button', { name: 'Xóa', exact: true }).click();
    await expect.poll(() => targets.locator('tbody tr').count()).toBe(before);
    expect(await page.getByTestId('target-x').count()).toBe(0);
    const status = await page.evaluate(() => window.api.invoke('app:get-status', {}));
    expect(status).toMatchObject({ ok: true, value: { counts: { targets: 15 } } });
    void ctx;
  });

  it("records a task's progress and lists the overdue ones", async () => {
    app = await chromiumApp.open({ hash: '#/plans', now: new Date('2026-11-23T03:00:00Z') });
    const { page } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    await page
      .locator('.plan-card', { hasText: 'năm 2025' })
      .getByRole('link', { name: 'Xem chỉ tiêu, nhiệm vụ' })
      .click();
    const tasks = page.getByRole('table', { name: 'Nhiệm vụ của kế hoạch' });
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(11);
    const police = tasks.locator('tr', { hasText: 'Tăng cường phòng ngừa, đấu tranh triệt phá' });
    await police.getByRole('textbox').fill('Triệt phá 2 đường dây, khởi tố 5 bị can');
    await police.getByRole('button', { name: 'Ghi tiến độ' }).click();
    await expect
      .poll(() => police.locator('.why').textContent())
      .toBe('23/11/2026 10:00: Triệt phá 2 đường dây, khởi tố 5 bị can');
    await police.getByRole('combobox').selectOption('done');
    await page.getByLabel(/Chỉ nhiệm vụ quá hạn/).check();
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(10);
    expect(await tasks.locator('tr', { hasText: 'Tăng cường phòng ngừa, đấu tranh triệt phá' }).count()).toBe(0);
    await app.screenshot('46-plan-tasks');
  });

  it('shows the dashboard: rounds, targets as traffic lights, a trend and a ranking chart saved as PNG', async () => {
    app = await chromiumApp.open({ hash: '#/overview', now: new Date('2026-11-23T03:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    const lights = page.getByRole('generic', { name: 'Chỉ tiêu (kết quả kỳ gần nhất)' });
    await expect.poll(() => page.locator('.light-list li').count()).toBe(15);
    expect(await page.locator('.light-list .chip-at-risk').count()).toBeGreaterThan(0);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('12');
    void lights;

    const trend = page.getByRole('figure', { name: 'Xu hướng toàn tỉnh qua các năm' });
    await trend.getByLabel('Chỉ tiêu thống kê').selectOption({ label: 'Tổng số cơ sở kiểm tra trong kỳ' });
    // The canvases are drawn: some pixels are neither white nor transparent.
    const inked = async (name: string) =>
      page
        .getByRole('figure', { name })
        .locator('canvas')
        .evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200)) n++;
          return n;
        });
    await expect.poll(() => inked('Xu hướng toàn tỉnh qua các năm')).toBeGreaterThan(500);
    await expect.poll(() => inked('Xếp hạng đơn vị')).toBeGreaterThan(500);
    await page.getByRole('figure', { name: 'Xếp hạng đơn vị' }).getByLabel('Năm').selectOption('2024');
    await app.screenshot('43-dashboard');

    await trend.getByRole('button', { name: 'Lưu ảnh PNG' }).click();
    await expect.poll(() => trend.getByRole('status').textContent()).toContain('.png');
    const saved = fs.readdirSync(ctx.platform.outDir).find((f) => f.endsWith('.png'))!;
    expect(saved).toBe('xu-huong-tong-so-co-so-kiem-tra-trong-ky.png');
    const bytes = fs.readFileSync(path.join(ctx.platform.outDir, saved));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);

    // After two districts merged, the same figures in the boundaries of a later day: the merged district ranks as one.
    const merged = await page.evaluate(() =>
      window.api.invoke('units:record-merge', {
        into: '52425',
        name: 'Huyện Bình Sơn - Trà Bồng',
        from: ['524', '525'],
        date: '2025-07-01',
        basis: 'Nghị quyết 1656/NQ-UBTVQH15',
      }),
    );
    expect(merged.ok).toBe(true);
    await trend.getByLabel('Theo địa giới ngày').fill('2026-01-01');
    const note = page.getByTestId('series-boundary');
    await expect.poll(() => note.textContent()).toContain('Số liệu theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi).');
    expect(await note.textContent()).toContain(
      '2021, 2022, 2023, 2024, 2025: số liệu của 2 đơn vị được quy đổi theo sáp nhập, chia tách (Huyện Bình Sơn, Huyện Trà Bồng).',
    );
    const ranking = page.getByRole('figure', { name: 'Xếp hạng đơn vị' });
    await ranking.getByLabel('Năm').selectOption('2024');
    await app.screenshot('54-dashboard-boundaries');
  });
});
