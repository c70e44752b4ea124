import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEml, fillTemplate, ownLayoutWorkbook } from '../fixtures/replies';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { exportRoundTemplates } from '../../electron/services/templates/export-templates';
import { listRoundValues } from '../../electron/services/rounds/round-values';
import { useAppInChromium, type AppUnderTest } from './harness';
import { startDovecot } from '../support/dovecot';

const chromiumApp = useAppInChromium();
let app: AppUnderTest;

describe('inbox', () => {
  it('imports dropped e-mails with a progress bar, reviews one that needs attention, and shows the values in the round', async () => {
    app = await chromiumApp.open({ hash: '#/inbox', now: new Date('2020-07-04T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const template = (code: string) => templates.files.find((f) => f.unitCode === code)!.workbook;

    const ducPho = await buildEml({
      from: 'vpubnd.ducpho@quangngai.gov.vn',
      subject: 'Báo cáo tổng kết',
      messageId: '<dp@qn>',
      attachments: [{ filename: 'duc-pho.xlsx', content: await fillTemplate(template('534'), { R003: 31, R005: 20 }) }],
    });
    const police = await buildEml({
      from: 'congan@quangngai.gov.vn',
      subject: 'Báo cáo',
      messageId: '<ca@qn>',
      attachments: [{ filename: 'ca.xlsx', content: await fillTemplate(template('CA'), { R003: 5 }) }],
    });
    const unknown = await buildEml({
      from: 'canbo.ldtbxh@gmail.com',
      fromName: 'Cán bộ LĐTBXH',
      subject: 'Gửi số liệu',
      messageId: '<x@gmail>',
      attachments: [
        {
          filename: 'so-lieu.xlsx',
          content: await ownLayoutWorkbook(
            [
              ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 'Cơ sở', '1.250'],
              ['Vũ trường', 'Cơ sở', 4],
              ['Tổng số người vi phạm pháp luật', 'Lượt người', 9],
            ],
            'ĐƠN VỊ BÁO CÁO: ………',
          ),
        },
      ],
    });
    const files = [
      { name: '1-duc-pho.eml', data: ducPho.toString('base64') },
      { name: '2-cong-an.eml', data: police.toString('base64') },
      { name: '3-khong-ro.eml', data: unknown.toString('base64') },
      { name: '4-duc-pho-gui-lai.eml', data: ducPho.toString('base64') },
    ];

    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.evaluate(async (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
      const zone = document.querySelector('[data-testid="inbox-drop-zone"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
      .toBe('Đã xử lý 4 tệp: 2 đã nhập, 1 cần xem lại, 1 trùng, 0 lỗi.');
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    await expect.poll(() => page.getByTestId('inbox-needs-review').textContent()).toBe('1Cần xem lại');
    await app.screenshot('20-inbox-after-drop');

    // Review: the sender is a personal address and the file names no unit; the user says who it is.
    await page.getByTestId('inbox-needs-review').click();
    await page.locator('.ag-row', { hasText: 'Gửi số liệu' }).click();
    const details = page.getByRole('complementary', { name: 'Chi tiết' });
    await expect
      .poll(() => details.textContent())
      .toContain('Không nhận ra đơn vị gửi (canbo.ldtbxh@gmail.com); cần chọn đơn vị.');
    await details.getByLabel('Đơn vị gửi').selectOption({ label: 'Huyện Bình Sơn' });
    // The table as the unit sent it: the loosely worded row is marked for a decision.
    const weakRow = details.locator('tr.row-weak');
    await expect.poll(() => weakRow.locator('td').nth(1).textContent()).toBe('Tổng số người vi phạm pháp luật');
    const choice = details.getByLabel('Dòng biểu mẫu cho "Tổng số người vi phạm pháp luật"');
    const options = await choice.locator('option').allTextContents();
    await choice.selectOption({ label: options.find((o) => /^\d+\. Tổng số người vi phạm$/.test(o))! });
    await app.screenshot('21-inbox-review');
    await details.getByRole('button', { name: 'Nhập với lựa chọn này' }).click();
    await expect.poll(() => page.getByTestId('inbox-imported').textContent()).toBe('3Đã nhập');
    expect(await page.getByTestId('inbox-needs-review').textContent()).toBe('0Cần xem lại');

    // The values are in the round.
    await page.getByRole('link', { name: 'Đợt báo cáo' }).click();
    await expect.poll(() => page.getByTestId('count-received').textContent()).toBe('3Đã nhận');
    await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).first().click();
    const values = page.getByRole('region', { name: 'Số liệu của Huyện Bình Sơn' });
    await expect
      .poll(() =>
        values
          .locator('.ag-row', { hasText: 'Tổng số cơ sở kinh doanh' })
          .locator('.ag-cell[col-id="value"]')
          .textContent(),
      )
      .toBe('1.250');
    expect(
      await values.locator('.ag-row', { hasText: 'Vũ trường' }).locator('.ag-cell[col-id="value"]').textContent(),
    ).toBe('4');
    // The confirmed row lies below the grid's visible rows; its figure is checked where it is stored.
    const stored = (await listRoundValues(ctx, round.id))
      .filter((v) => v.unitCode === '524' && v.value !== null)
      .map((v) => [v.text, v.value]);
    expect(stored).toEqual([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 1250],
      ['Vũ trường', 4],
      ['Tổng số người vi phạm', 9],
    ]);
    await app.screenshot('22-round-values');
    fs.mkdirSync(path.join(ctx.database.dir, 'x'), { recursive: true });
  });

  it('shows a received e-mail inside the app, its attachments each to open (documents only) or save, never the e-mail itself to another program', async () => {
    app = await chromiumApp.open({ hash: '#/inbox', now: new Date('2020-07-04T02:00:00Z') });
    const { page, ctx } = app;
    await seedDemoRound(ctx);
    const eml = await buildEml({
      from: 'nguoi.la@example.invalid',
      fromName: 'Người lạ',
      subject: 'Thư có tệp lạ',
      messageId: '<xem-e2e@example.invalid>',
      text: 'Kính gửi Văn phòng thường trực,\nxin gửi báo cáo và một chương trình.',
      attachments: [
        { filename: 'bao-cao.xlsx', content: await ownLayoutWorkbook([['Vũ trường', 'Cơ sở', 4]]) },
        { filename: 'chay-ngay.exe', content: Buffer.from('MZ') },
      ],
    });
    await page.evaluate(async (data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'thu-la.eml'));
      const zone = document.querySelector('[data-testid="inbox-drop-zone"]')!;
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, eml.toString('base64'));
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
      .toMatch(/^Đã xử lý 1 tệp/);
    await page.locator('.ag-row', { hasText: 'Thư có tệp lạ' }).click();
    const details = page.getByRole('complementary', { name: 'Chi tiết' });
    await details.getByRole('button', { name: 'Xem thư' }).click();
    const viewer = details.getByRole('region', { name: 'Nội dung thư' });
    await expect
      .poll(() => viewer.getByTestId('message-text').textContent())
      .toContain('xin gửi báo cáo và một chương trình.');
    expect(await viewer.textContent()).toContain('Người lạ <nguoi.la@example.invalid>');
    // The workbook opens (a read-only copy); the program can only be saved.
    const exe = viewer.getByRole('listitem').filter({ hasText: 'chay-ngay.exe' });
    expect(await exe.getByRole('button', { name: 'Mở' }).count()).toBe(0);
    await viewer.getByRole('listitem').filter({ hasText: 'bao-cao.xlsx' }).getByRole('button', { name: 'Mở' }).click();
    await expect
      .poll(() => ctx.platform.opened.map((p) => path.basename(p)))
      .toEqual([expect.stringMatching(/^\d+-bao-cao\.xlsx$/)]);
    await exe.getByRole('button', { name: 'Lưu bản sao…' }).click();
    await expect.poll(() => viewer.getByRole('status').textContent()).toMatch(/^Đã lưu bản sao: .*chay-ngay\.exe$/);
    await app.screenshot('24-inbox-message-view');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot('24-inbox-message-view-1920');
  });

  it('checks a mailbox set up in the screen, against a real IMAP server on 127.0.0.1', async () => {
    const server = await startDovecot();
    try {
      app = await chromiumApp.open({ hash: '#/inbox', now: new Date('2020-07-04T02:00:00Z') });
      const { page, ctx } = app;
      const { round } = await seedDemoRound(ctx);
      const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
      server.deliver(
        await buildEml({
          from: 'congan@quangngai.gov.vn',
          subject: 'Báo cáo',
          messageId: '<e2e-imap@qn>',
          attachments: [
            {
              filename: 'ca.xlsx',
              content: await fillTemplate(templates.files.find((f) => f.unitCode === 'CA')!.workbook, { R003: 11 }),
            },
          ],
        }),
      );

      await page.getByRole('button', { name: 'Kiểm tra thư mới' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Chưa thiết lập hộp thư');

      await page.getByText('Hộp thư điện tử (IMAP)').click();
      await page.getByLabel('Máy chủ thư').fill(server.host);
      await page.getByLabel('Cổng').fill(String(server.port));
      await page.getByLabel('Tài khoản').fill(server.user);
      await page.getByLabel('Mật khẩu').fill(server.password);
      await page.getByLabel('Mã hóa TLS (IMAPS)').uncheck();
      await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
      await expect.poll(() => page.getByText('Đã lưu thiết lập hộp thư.').count()).toBe(1);
      await page.getByRole('button', { name: 'Kiểm tra thư mới' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
        .toBe('Đã xử lý 1 tệp: 1 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi.');
      await app.screenshot('23-inbox-imap');
      await page.getByRole('button', { name: 'Kiểm tra thư mới' }).click();
      await expect
        .poll(() => page.getByTestId('import-summary').textContent())
        .toBe('Đã xử lý 0 tệp: 0 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi.');
    } finally {
      server.stop();
    }
  });
});
