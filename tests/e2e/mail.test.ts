import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceEmails } from '../../db/units/repo';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { saveValues } from '../../electron/services/submissions/save-values';
import { saveMailbox } from '../../electron/services/inbox/mailbox';
import { saveOutgoingServer } from '../../electron/services/mail/outgoing-server';
import { openWorkbook } from '../../electron/services/files/read-xlsx-tables';
import { readUnitTemplate } from '../../electron/services/templates/read-unit-template';
import { buildEml, fillTemplate } from '../fixtures/replies';
import { startDovecot } from '../support/dovecot';
import {
  officeServerSettings,
  startSmtpServer,
  type SmtpServerOptions,
  type TestSmtpServer,
} from '../support/smtp-server';
import { useAppInChromium, type AppUnderTest } from './harness';

const chromiumApp = useAppInChromium();

/** Nine districts; the last four have no address. */
const nine = ['522', '524', '525', '527', '528', '529', '530', '531', '532'];
const withoutAddress = ['529', '530', '531', '532'];

async function roundOfNine(app: AppUnderTest) {
  const { round } = await seedDemoRound(app.ctx, { units: nine });
  const units = await app.ctx.db.selectFrom('org_unit').select(['id', 'code', 'name']).execute();
  for (const code of withoutAddress) await replaceEmails(app.ctx.db, units.find((u) => u.code === code)!.id, []);
  return { round, unit: (code: string) => units.find((u) => u.code === code)! };
}

async function withServer<T>(options: SmtpServerOptions, work: (server: TestSmtpServer) => Promise<T>): Promise<T> {
  const server = await startSmtpServer(options);
  try {
    return await work(server);
  } finally {
    server.stop();
  }
}

async function useServer(app: AppUnderTest, server: TestSmtpServer) {
  await saveOutgoingServer(app.ctx, officeServerSettings(server));
}

/** "Gửi biểu mẫu qua thư…" on the board, then "Gửi 5 thư"; the panel once it says what came of it. */
async function sendFormsFromBoard(app: AppUnderTest, done: string | RegExp) {
  await app.page.getByRole('button', { name: 'Gửi biểu mẫu qua thư…' }).click();
  const panel = app.page.getByRole('region', { name: 'Gửi biểu mẫu cho đơn vị qua thư điện tử' });
  await panel.getByRole('button', { name: 'Gửi 5 thư' }).click();
  await expect.poll(() => panel.getByTestId('send-done').textContent(), { timeout: 30_000 }).toMatch(done);
  return panel;
}

describe("the office's outgoing mail", () => {
  it('sets up the server and tests it, sends a round of nine units (five with addresses) once, lists the four without, logs it', async () => {
    await withServer({}, async (server) => {
      const app = await chromiumApp.open({ hash: '#/settings', now: new Date('2020-06-20T02:00:00Z') });
      const { page, ctx } = app;
      const { round, unit } = await roundOfNine(app);
      await page.reload();

      // The outgoing server, set in Cài đặt; "none" is said to be unprotected; "Gửi thử" reaches the office.
      const card = page.getByRole('region', { name: 'Máy chủ gửi thư của cơ quan (SMTP)' });
      await card.getByLabel('Máy chủ gửi thư').fill(server.host);
      await card.getByLabel('Bảo mật kết nối').selectOption('none');
      await card.getByLabel('Cổng', { exact: true }).fill(String(server.port));
      await card.getByLabel('Tài khoản đăng nhập').fill(server.user);
      await card.getByLabel('Mật khẩu').fill(server.password);
      await card.getByLabel('Địa chỉ gửi đi').fill('thuongtruc@syt.test');
      await card.getByLabel('Tên người gửi').fill('Sở Y tế Quảng Ngãi');
      await card.getByLabel(/^Chữ ký cuối thư/).fill('Phòng Phòng, chống tệ nạn xã hội – ĐT 0255 3822 123');
      expect(await card.getByRole('note').textContent()).toMatch(/^Không mã hóa: mật khẩu và nội dung thư/);
      await card.getByRole('button', { name: 'Lưu thiết lập' }).click();
      await expect.poll(() => card.getByRole('status').textContent()).toBe('Đã lưu thiết lập máy chủ gửi thư.');
      expect(await card.getByLabel('Mật khẩu').getAttribute('placeholder')).toBe('Đã lưu (để trống nếu không đổi)');
      await card.getByRole('button', { name: 'Gửi thử' }).click();
      await expect
        .poll(() => card.getByRole('status').textContent())
        .toMatch(/^Đã gửi thư thử đến thuongtruc@syt\.test\./);
      expect(server.received().map((m) => m.envelope.to)).toEqual([['thuongtruc@syt.test']]);
      await app.screenshots('80-settings-outgoing-server');

      // The board: every message shown before sending, the four without an address named.
      await page
        .getByRole('navigation', { name: 'Các phần của phần mềm' })
        .getByRole('link', { name: 'Đợt báo cáo' })
        .click();
      await page.getByRole('button', { name: 'Gửi biểu mẫu qua thư…' }).click();
      const panel = page.getByRole('region', { name: 'Gửi biểu mẫu cho đơn vị qua thư điện tử' });
      await expect
        .poll(() => panel.getByTestId('send-summary').textContent())
        .toBe('Sẽ gửi 5 thư · 4 đơn vị chưa có địa chỉ thư.');
      expect(await panel.getByTestId('send-no-address').textContent()).toContain(
        'Huyện Sơn Hà, Huyện Sơn Tây, Huyện Minh Long, Huyện Nghĩa Hành',
      );
      await panel.getByLabel(/^Theo văn bản/).fill('Công văn số 45/SYT-NV ngày 15/6/2020');
      await panel.getByTestId('send-524').click();
      await expect
        .poll(() => panel.getByTestId('mail-preview').textContent())
        .toContain('Thực hiện Công văn số 45/SYT-NV ngày 15/6/2020, cơ quan thường trực');
      expect(await panel.getByRole('group', { name: 'Thư sẽ gửi' }).textContent()).toContain(
        'Tệp đính kèm: 524-huyen-binh-son-2016-2020.xlsx',
      );
      await app.screenshots('81-send-forms-preview');

      await panel.getByRole('button', { name: 'Gửi 5 thư' }).click();
      await expect.poll(() => panel.getByTestId('send-done').textContent(), { timeout: 30_000 }).toBe('Đã gửi 5 thư.');
      const mails = await server.parsed();
      expect(mails).toHaveLength(6); // the test, then five forms
      const forms = mails.slice(1);
      expect(forms.map((m) => m.envelope.to)).toEqual([
        ['vpubnd.tpquangngai@quangngai.gov.vn'],
        ['vpubnd.binhson@quangngai.gov.vn'],
        ['vpubnd.trabong@quangngai.gov.vn'],
        ['vpubnd.sontinh@quangngai.gov.vn'],
        ['vpubnd.tunghia@quangngai.gov.vn'],
      ]);
      for (const [i, m] of forms.entries()) {
        const identity = readUnitTemplate(await openWorkbook('f.xlsx', m.attachments[0]!.content))!.identity;
        expect([identity.unitCode, identity.roundId]).toEqual([nine[i], round.id]);
      }
      expect(await panel.getByTestId('send-524').textContent()).toContain('Đã gửi');
      await app.screenshots('82-send-forms-done');

      // Again: nothing to send; the button says so.
      await expect
        .poll(() => panel.getByTestId('send-summary').textContent())
        .toBe('Sẽ gửi 0 thư · 5 đơn vị đã gửi trước đó (bỏ qua) · 4 đơn vị chưa có địa chỉ thư.');
      expect(await panel.getByRole('button', { name: 'Gửi 0 thư' }).isDisabled()).toBe(true);
      expect(server.received()).toHaveLength(6);

      // The log of the round, exported to Excel as shown.
      await page.getByRole('link', { name: 'Thư đã gửi' }).click();
      const log = page.getByTestId('sent-mail');
      await expect.poll(() => log.locator('.ag-cell[col-id="status"]').count()).toBe(5);
      expect(
        await log.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).locator('[col-id="status"]').textContent(),
      ).toBe('Đã gửi');
      await page.getByRole('button', { name: 'Xuất Excel…' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /\.xlsx$/ })
            .count(),
        )
        .toBe(1);
      await app.screenshots('83-sent-mail-log');

      // A correction request goes straight to the unit, and joins the log.
      const indicator = await ctx.db.selectFrom('indicator').select('id').limit(1).executeTakeFirstOrThrow();
      await saveValues(ctx, {
        roundId: round.id,
        unitId: unit('524').id,
        how: 'typed',
        changes: [{ indicatorId: indicator.id, value: 3 }],
      });
      await page.getByRole('link', { name: 'Tiến độ nhận báo cáo' }).click();
      await page.locator('.grid-box .ag-row', { hasText: 'Huyện Bình Sơn' }).first().click();
      await page.getByRole('button', { name: 'Soạn đề nghị sửa' }).click();
      const correction = page.locator('div.card[aria-label="Đề nghị đơn vị chỉnh sửa số liệu"]');
      await correction.getByRole('textbox').fill('Đề nghị quý đơn vị gửi báo cáo đúng biểu mẫu.');
      await correction.getByRole('button', { name: 'Gửi thư' }).click();
      await expect
        .poll(() => correction.getByRole('status').textContent())
        .toBe('Đã gửi đề nghị sửa đến vpubnd.binhson@quangngai.gov.vn.');
      const last = (await server.parsed()).at(-1)!;
      expect(last.envelope.to).toEqual(['vpubnd.binhson@quangngai.gov.vn']);
      expect(last.text).toContain('Đề nghị quý đơn vị gửi báo cáo đúng biểu mẫu.');
      await app.screenshots('87-correction-sent');
      void ctx;
    });
  });

  it('shows the reason of a recipient the server refuses and sends the others; a dropped connection leaves the rest unsent', async () => {
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-06-20T02:00:00Z') });
    const { page } = app;
    await roundOfNine(app);
    await withServer({ reject: ['vpubnd.trabong@quangngai.gov.vn'] }, async (server) => {
      await useServer(app, server);
      await page.reload();
      const panel = await sendFormsFromBoard(
        app,
        'Đã gửi 4 thư; 1 thư không gửi được (xem lý do từng đơn vị; gửi lại sẽ chỉ gửi các thư này).',
      );
      expect(await panel.getByTestId('send-525').textContent()).toContain(
        'Máy chủ gửi thư từ chối địa chỉ vpubnd.trabong@quangngai.gov.vn (mã 550)',
      );
      expect(server.received()).toHaveLength(4);
      await app.screenshots('84-send-refused');
      await panel.getByRole('button', { name: 'Đóng' }).click();
    });

    // The reminder, later, with a server that goes down after two messages.
    await withServer({ dropAfter: 2 }, async (server) => {
      await useServer(app, server);
      await page.getByRole('button', { name: 'Gửi thư nhắc…' }).click();
      const panel = page.getByRole('region', { name: 'Gửi thư nhắc đơn vị chưa gửi báo cáo' });
      await panel.getByRole('button', { name: 'Gửi 5 thư' }).click();
      await expect
        .poll(() => panel.getByTestId('send-done').textContent(), { timeout: 30_000 })
        .toMatch(/^Đã gửi 2 thư; 3 thư không gửi được/);
      expect(await panel.getByTestId('send-525').textContent()).toMatch(/Mất kết nối với máy chủ gửi thư/);
      expect(await panel.getByTestId('send-527').textContent()).toContain('Chưa gửi: việc gửi dừng lại');
      expect(server.received()).toHaveLength(2);
      await app.screenshots('85-send-connection-lost');
    });
    await page.getByRole('link', { name: 'Thư đã gửi' }).click();
    const log = page.getByTestId('sent-mail');
    await expect.poll(() => log.locator('.ag-cell[col-id="status"]').count()).toBe(5 + 3);
    // Newest first: the reminders (two sent, one lost with the connection), then the forms.
    const statuses = await log.evaluate((grid) =>
      [...grid.querySelectorAll<HTMLElement>('.ag-row[row-index]')]
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .map((r) => r.querySelector('[col-id="status"]')?.textContent ?? ''),
    );
    expect(statuses).toEqual([
      'Không gửi được',
      'Đã gửi',
      'Đã gửi',
      'Đã gửi',
      'Đã gửi',
      'Không gửi được',
      'Đã gửi',
      'Đã gửi',
    ]);
  });

  it('closes the loop: forms sent, a unit answers the message from an unknown address, the mailbox check files it under that unit and round', async () => {
    const imap = await startDovecot();
    try {
      await withServer({}, async (smtp) => {
        const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-06-25T02:00:00Z') });
        const { page, ctx } = app;
        const { round } = await roundOfNine(app);
        await useServer(app, smtp);
        await saveMailbox(ctx, {
          host: imap.host,
          port: imap.port,
          secure: false,
          user: imap.user,
          folder: 'INBOX',
          password: imap.password,
        });
        await page.reload();
        await sendFormsFromBoard(app, /^Đã gửi 5 thư\.$/);

        // Sơn Tịnh's officer answers with "Reply" from a personal address the unit list does not have.
        const sent = (await smtp.parsed()).find((m) => m.envelope.to[0] === 'vpubnd.sontinh@quangngai.gov.vn')!;
        const form = path.join(ctx.database.dir, 'son-tinh.xlsx');
        fs.writeFileSync(form, sent.attachments[0]!.content);
        imap.deliver(
          await buildEml({
            from: 'tranthib.sontinh@gmail.com',
            fromName: 'Trần Thị B',
            subject: `Re: ${sent.subject}`,
            messageId: '<answer-527@gmail.com>',
            inReplyTo: sent.messageId!,
            references: [sent.messageId!],
            date: new Date('2020-06-30T03:00:00Z'),
            attachments: [{ filename: 'bao-cao-son-tinh.xlsx', content: await fillTemplate(form, { R003: 17 }) }],
          }),
        );
        await page
          .getByRole('navigation', { name: 'Các phần của phần mềm' })
          .getByRole('link', { name: 'Hộp thư đến' })
          .click();
        await page.getByRole('button', { name: 'Kiểm tra thư mới' }).click();
        await expect
          .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
          .toBe('Đã xử lý 1 tệp: 1 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi.');
        const row = page.locator('.grid-box .ag-row', { hasText: 'Trần Thị B' }).first();
        await expect.poll(() => row.locator('[col-id="unitName"]').textContent()).toBe('Huyện Sơn Tịnh');
        expect(await row.locator('[col-id="roundName"]').textContent()).toBe(round.name);
        await row.click();
        expect(await page.getByRole('complementary', { name: 'Chi tiết' }).textContent()).toContain(
          'gửi từ địa chỉ tranthib.sontinh@gmail.com (chưa có trong danh sách của đơn vị): ghi cho Huyện Sơn Tịnh.',
        );
        await app.screenshots('86-reply-threaded');
      });
    } finally {
      imap.stop();
    }
  });
});
