import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type TestImapServer } from '../../../tests/support/dovecot';
import { buildEml, fillTemplate } from '../../../tests/fixtures/replies';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { listRoundValues } from '../rounds/round-values';
import { checkMailbox, getMailbox, saveMailbox } from './mailbox';

let server: TestImapServer;
let ctx: TestContext;
beforeAll(async () => {
  server = await startDovecot();
});
afterAll(() => {
  server?.stop();
});
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('a mailbox over IMAP (Dovecot on 127.0.0.1)', () => {
  it('fetches only messages not yet seen, imports them, and never changes the server', async () => {
    const { round } = await seedDemoRound(ctx);
    const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const workbook = (code: string) => templates.files.find((f) => f.unitCode === code)!.workbook;
    const saved = await saveMailbox(ctx, {
      host: server.host,
      port: server.port,
      secure: false,
      user: server.user,
      folder: 'INBOX',
      password: server.password,
    });
    expect(saved).toMatchObject({ hasPassword: true, lastCheckedAt: null });
    const stored = await ctx.db
      .selectFrom('app_setting')
      .select('value')
      .where('key', '=', 'mailbox')
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain(server.password); // only the protected form is kept

    server.deliver(
      await buildEml({
        from: 'congan@quangngai.gov.vn',
        subject: 'Báo cáo',
        messageId: '<imap-1@qn>',
        attachments: [{ filename: 'ca.xlsx', content: await fillTemplate(workbook('CA'), { R003: 8 }) }],
      }),
    );
    server.deliver(
      await buildEml({
        from: 'vpubnd.binhson@quangngai.gov.vn',
        subject: 'Báo cáo',
        messageId: '<imap-2@qn>',
        attachments: [{ filename: 'bs.xlsx', content: await fillTemplate(workbook('524'), { R003: 6 }) }],
      }),
    );
    const first = await checkMailbox(ctx);
    expect(first.map((r) => [r.file, r.status, r.unitCode, r.values])).toEqual([
      [`imap:${server.user}/INBOX#1`, 'imported', 'CA', 1],
      [`imap:${server.user}/INBOX#2`, 'imported', '524', 1],
    ]);
    const messages = await ctx.db
      .selectFrom('email_message')
      .select(['source', 'imap_mailbox', 'imap_uid'])
      .orderBy('imap_uid')
      .execute();
    expect(messages).toEqual([
      { source: 'imap', imap_mailbox: 'INBOX', imap_uid: 1 },
      { source: 'imap', imap_mailbox: 'INBOX', imap_uid: 2 },
    ]);

    // Nothing new: nothing fetched. A new message: only it.
    expect(await checkMailbox(ctx)).toEqual([]);
    server.deliver(
      await buildEml({
        from: 'vpubnd.ducpho@quangngai.gov.vn',
        subject: 'Báo cáo',
        messageId: '<imap-3@qn>',
        attachments: [{ filename: 'dp.xlsx', content: await fillTemplate(workbook('534'), { R003: 3 }) }],
      }),
    );
    const third = await checkMailbox(ctx);
    expect(third.map((r) => [r.file, r.unitCode])).toEqual([[`imap:${server.user}/INBOX#3`, '534']]);
    expect((await getMailbox(ctx))?.lastCheckedAt).toBe('2020-07-03T03:00:00.000Z');
    const values = (await listRoundValues(ctx, round.id))
      .filter((v) => v.value !== null)
      .map((v) => [v.unitCode, v.value]);
    expect(values).toEqual([
      ['CA', 8],
      ['524', 6],
      ['534', 3],
    ]);

    // Read-only: the server still holds all three messages, none marked as read.
    const { ImapFlow } = await import('imapflow');
    const c = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: server.user, pass: server.password },
      logger: false,
    });
    await c.connect();
    const box = await c.mailboxOpen('INBOX', { readOnly: true });
    const flags = await c.fetchAll('1:*', { flags: true });
    await c.logout();
    expect(box.exists).toBe(3);
    expect(flags.every((f) => !f.flags?.has('\\Seen'))).toBe(true);
  });

  it('explains a wrong password and an unreachable server in Vietnamese', async () => {
    await saveMailbox(ctx, {
      host: server.host,
      port: server.port,
      secure: false,
      user: server.user,
      folder: 'INBOX',
      password: 'sai-mat-khau',
    });
    await expect(checkMailbox(ctx)).rejects.toMatchObject({
      message: expect.stringContaining('sai tên đăng nhập hoặc mật khẩu'),
    });
    await saveMailbox(ctx, {
      host: '127.0.0.1',
      port: 1,
      secure: false,
      user: server.user,
      folder: 'INBOX',
      password: 'x',
    });
    await expect(checkMailbox(ctx)).rejects.toMatchObject({
      message: expect.stringContaining('Không kết nối được máy chủ thư 127.0.0.1:1'),
    });
    await saveMailbox(ctx, {
      host: server.host,
      port: server.port,
      secure: false,
      user: server.user,
      folder: 'Không có',
      password: server.password,
    });
    await expect(checkMailbox(ctx)).rejects.toMatchObject({ message: expect.stringMatching(/Không có/) });
  });
});
