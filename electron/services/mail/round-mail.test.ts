import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeServerSettings, startSmtpServer, type TestSmtpServer } from '../../../tests/support/smtp-server';
import { buildEml, fillTemplate, ownLayoutWorkbook } from '../../../tests/fixtures/replies';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { replaceEmails } from '../../../db/units/repo';
import { insertOutgoing } from '../../../db/mail/repo';
import { readUnitTemplate } from '../templates/read-unit-template';
import { openWorkbook } from '../files/read-xlsx-tables';
import { importReply } from '../inbox/import-reply';
import { listSubmissions } from '../rounds/completeness';
import { getOutgoingServer, saveOutgoingServer } from './outgoing-server';
import { previewRoundMail, sendRoundMail } from './round-mail';
import { listSentMail, sendCorrectionRequest, sendReceipts, sendTestMail } from './direct-mail';
import { openMailSession } from './mail-session';

/** Nine districts; the last four have no address. */
const nine = ['522', '524', '525', '527', '528', '529', '530', '531', '532'];
const withoutAddress = ['529', '530', '531', '532'];

let ctx: TestContext;
const servers: TestSmtpServer[] = [];
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-06-20T02:00:00Z'));
});
afterEach(async () => {
  for (const s of servers.splice(0)) s.stop();
  await ctx.dispose();
});

async function setup(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  servers.push(server);
  const { round } = await seedDemoRound(ctx, { units: nine });
  const units = await ctx.db.selectFrom('org_unit').select(['id', 'code', 'name']).execute();
  const unit = (code: string) => units.find((u) => u.code === code)!;
  for (const code of withoutAddress) await replaceEmails(ctx.db, unit(code).id, []);
  await useServer(server);
  return { round, unit, server };
}

async function useServer(server: TestSmtpServer, password = server.password) {
  await saveOutgoingServer(ctx, officeServerSettings(server, password));
}

describe("a round's forms through the office's mail server (smtp-server on 127.0.0.1)", () => {
  it('sends each unit with an address its own form once, lists those without, and sends nothing twice', async () => {
    const { round, unit, server } = await setup();
    const preview = await previewRoundMail(ctx, {
      roundId: round.id,
      kind: 'forms',
      coverLetter: 'Công văn số 45/SYT-NV ngày 15/6/2020',
    });
    expect(preview.map((p) => [p.unitCode, p.plan])).toEqual(
      nine.map((c) => [c, withoutAddress.includes(c) ? 'no-address' : 'send']),
    );
    const binhSon = preview.find((p) => p.unitCode === '524')!;
    expect(binhSon).toMatchObject({
      to: ['vpubnd.binhson@quangngai.gov.vn'],
      subject: 'Đề nghị báo cáo: Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020 – Huyện Bình Sơn',
      attachment: '524-huyen-binh-son-2016-2020.xlsx',
    });
    expect(binhSon.text).toContain('Thực hiện Công văn số 45/SYT-NV ngày 15/6/2020, cơ quan thường trực');
    expect(binhSon.text).toContain('trước ngày 05/07/2020');
    expect(binhSon.text).toMatch(/--\nPhòng Phòng, chống tệ nạn xã hội – ĐT 0255 3822 123$/);

    const progress: string[] = [];
    const results = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' }, (_d, _t, label) =>
      progress.push(label),
    );
    expect(results.map((r) => [r.unitCode, r.status])).toEqual(
      nine.map((c) => [c, withoutAddress.includes(c) ? 'no-address' : 'sent']),
    );
    expect(progress[0]).toBe('Đang gửi thư 1/5: Thành phố Quảng Ngãi');
    const mails = await server.parsed();
    expect(mails).toHaveLength(5);
    for (const [i, code] of nine.slice(0, 5).entries()) {
      const m = mails[i]!;
      const r = results.find((x) => x.unitCode === code)!;
      expect(m.envelope).toEqual({ from: 'thuongtruc@syt.test', to: r.to, user: server.user });
      expect(m.messageId).toBe(r.messageId);
      expect(m.from?.value[0]).toEqual({ name: 'Sở Y tế Quảng Ngãi', address: 'thuongtruc@syt.test' });
      expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        [
          preview.find((p) => p.unitCode === code)!.attachment,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
      ]);
      // The form attached is the unit's own: its hidden identity names the unit and the round.
      const identity = readUnitTemplate(await openWorkbook('form.xlsx', m.attachments[0]!.content))!.identity;
      expect([identity.unitCode, identity.roundId]).toEqual([code, round.id]);
    }

    // Again: nothing is sent; the units already sent are skipped with their message.
    const again = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(again.filter((r) => r.status === 'skipped').map((r) => r.messageId)).toEqual(
      results.filter((r) => r.status === 'sent').map((r) => r.messageId),
    );
    expect(server.received()).toHaveLength(5);
    // Unless the clerk asks again, for one unit.
    const once = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms', unitIds: [unit('524').id], again: true });
    expect(once.map((r) => [r.unitCode, r.status])).toEqual([['524', 'sent']]);
    expect(server.received()).toHaveLength(6);

    const log = await listSentMail(ctx, round.id);
    expect(log).toHaveLength(6);
    expect(log.every((m) => m.status === 'sent' && m.kind === 'forms')).toBe(true);
  });

  it('fails only the unit whose recipient the server refuses, with its reason, and sends the others', async () => {
    const { round } = await setup({ reject: ['vpubnd.trabong@quangngai.gov.vn'] });
    const results = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(results.filter((r) => r.status === 'sent').map((r) => r.unitCode)).toEqual(['522', '524', '527', '528']);
    const refused = results.find((r) => r.unitCode === '525')!;
    expect(refused.status).toBe('failed');
    expect(refused.error).toBe(
      'Máy chủ gửi thư từ chối địa chỉ vpubnd.trabong@quangngai.gov.vn (mã 550): "550 5.1.1 <vpubnd.trabong@quangngai.gov.vn>: Recipient address rejected: User unknown". Hãy kiểm tra địa chỉ thư của đơn vị.',
    );
    // A failed unit is not "already sent": sending again tries it, and only it.
    const again = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(again.find((r) => r.unitCode === '525')!.status).toBe('failed');
    expect(again.filter((r) => r.status === 'skipped')).toHaveLength(4);
  });

  it('stops at a connection dropped mid-batch: the sent recorded, the rest unsent, and sent later without repeats', async () => {
    const { round } = await setup({ dropAfter: 2 });
    const results = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(results.map((r) => r.status)).toEqual([
      'sent',
      'sent',
      'failed',
      'failed',
      'failed',
      ...withoutAddress.map(() => 'no-address'),
    ]);
    expect(results[2]!.error).toMatch(/^Mất kết nối với máy chủ gửi thư 127\.0\.0\.1:\d+ khi đang gửi/);
    expect(results[3]!.error).toBe(
      'Chưa gửi: việc gửi dừng lại sau lỗi khi gửi thư cho Huyện Trà Bồng. Gửi lại sau khi khắc phục; thư đã gửi không bị gửi lần nữa.',
    );
    const log = await listSentMail(ctx, round.id);
    expect(log.map((m) => [m.unitCode, m.status]).reverse()).toEqual([
      ['522', 'sent'],
      ['524', 'sent'],
      ['525', 'failed'],
    ]);

    // The server is back (here: another one): the two sent are skipped, the three others go.
    const back = await startSmtpServer();
    servers.push(back);
    await useServer(back);
    const resumed = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(resumed.slice(0, 5).map((r) => r.status)).toEqual(['skipped', 'skipped', 'sent', 'sent', 'sent']);
    expect(back.received().map((m) => m.envelope.to[0])).toEqual([
      'vpubnd.trabong@quangngai.gov.vn',
      'vpubnd.sontinh@quangngai.gov.vn',
      'vpubnd.tunghia@quangngai.gov.vn',
    ]);
  });

  it('never resends a message an earlier run left half-sent without the clerk saying so', async () => {
    const { round, unit } = await setup();
    await insertOutgoing(ctx.db, {
      kind: 'forms',
      roundId: round.id,
      unitId: unit('522').id,
      messageId: '<crashed@syt.test>',
      to: ['vpubnd.tpquangngai@quangngai.gov.vn'],
      subject: 'Đề nghị báo cáo',
      body: '…',
      attachment: null,
      runId: 'an-earlier-run',
      createdAt: '2020-06-19T08:00:00.000Z',
    });
    const log = await listSentMail(ctx, round.id);
    expect(log[0]).toMatchObject({
      status: 'maybe-sent',
      error: 'Phần mềm dừng khi đang gửi thư này: thư có thể đã đi hoặc chưa.',
    });
    const preview = await previewRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(preview[0]).toMatchObject({ unitCode: '522', plan: 'skip', last: { status: 'maybe-sent' } });
    const sent = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    expect(sent[0]).toMatchObject({ unitCode: '522', status: 'skipped', messageId: '<crashed@syt.test>' });
    const asked = await sendRoundMail(ctx, {
      roundId: round.id,
      kind: 'forms',
      unitIds: [unit('522').id],
      again: true,
    });
    expect(asked[0]!.status).toBe('sent');
  });

  it('reminds only the units that have not answered, once a day unless asked again', async () => {
    const { round, unit, server } = await setup();
    ctx.clock = () => new Date('2020-07-08T02:00:00Z');
    // Bình Sơn has answered.
    const { saveValues } = await import('../submissions/save-values');
    const rows = await ctx.db.selectFrom('indicator').select('id').limit(1).execute();
    await saveValues(ctx, {
      roundId: round.id,
      unitId: unit('524').id,
      how: 'typed',
      changes: [{ indicatorId: rows[0]!.id, value: 1 }],
    });
    expect((await listSubmissions(ctx, round.id)).find((s) => s.unitCode === '524')!.status).not.toBe('expected');
    const reminded = await sendRoundMail(ctx, { roundId: round.id, kind: 'reminder' });
    expect(reminded.filter((r) => r.status === 'sent').map((r) => r.unitCode)).toEqual(['522', '525', '527', '528']);
    expect(reminded.some((r) => r.unitCode === '524')).toBe(false);
    const mail = (await server.parsed())[0]!;
    expect(mail.subject).toBe(
      'Nhắc gửi báo cáo (đã quá hạn): Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020 – Thành phố Quảng Ngãi',
    );
    expect(mail.text).toContain('Đến ngày 08/07/2020, cơ quan thường trực chưa nhận được báo cáo của quý đơn vị.');
    expect(
      (await sendRoundMail(ctx, { roundId: round.id, kind: 'reminder' })).filter((r) => r.status === 'sent'),
    ).toEqual([]);
    ctx.clock = () => new Date('2020-07-09T02:00:00Z');
    expect(
      (await sendRoundMail(ctx, { roundId: round.id, kind: 'reminder' })).filter((r) => r.status === 'sent'),
    ).toHaveLength(4);
  });
});

describe('threading replies back to their round', () => {
  it('takes a reply to the forms message from an address the unit list does not know as that unit’s, for that round', async () => {
    const { round, server } = await setup();
    const sent = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    const tuNghia = sent.find((r) => r.unitCode === '528')!;
    const form = (await server.parsed()).find((m) => m.messageId === tuNghia.messageId)!.attachments[0]!;
    const file = path.join(ctx.database.dir, 'form-528.xlsx');
    fs.writeFileSync(file, form.content);
    const reply = path.join(ctx.database.dir, 'tra-loi.eml');
    fs.writeFileSync(
      reply,
      await buildEml({
        from: 'nguyenvana.tunghia@gmail.com',
        subject: 'Re: Đề nghị báo cáo',
        messageId: '<reply-528@gmail.com>',
        inReplyTo: tuNghia.messageId!,
        references: [tuNghia.messageId!],
        attachments: [{ filename: 'bao-cao.xlsx', content: await fillTemplate(file, { R003: 12 }) }],
      }),
    );
    const r = await importReply(ctx, reply);
    expect(r).toMatchObject({ status: 'imported', unitCode: '528', roundId: round.id, values: 1 });
    expect(r.warnings.join(' ')).toContain(
      'gửi từ địa chỉ nguyenvana.tunghia@gmail.com (chưa có trong danh sách của đơn vị): ghi cho Huyện Tư Nghĩa.',
    );

    // A reply in the unit's own layout, threaded the same way, needs no name in it to find its unit.
    const own = path.join(ctx.database.dir, 'tra-loi-2.eml');
    const quangNgai = sent.find((r) => r.unitCode === '522')!;
    fs.writeFileSync(
      own,
      await buildEml({
        from: 'canbo123@yahoo.com',
        subject: 'Re: Đề nghị báo cáo',
        messageId: '<reply-522@yahoo.com>',
        inReplyTo: quangNgai.messageId!,
        attachments: [
          {
            filename: 'so-lieu.xlsx',
            content: await ownLayoutWorkbook([['Vũ trường', 'Cơ sở', 3]], 'BÁO CÁO SỐ LIỆU'),
          },
        ],
      }),
    );
    const r2 = await importReply(ctx, own);
    expect(r2).toMatchObject({ unitCode: '522', roundId: round.id });

    // Another unit's address answering that thread is not taken on the thread's word.
    const mixed = path.join(ctx.database.dir, 'tra-loi-3.eml');
    fs.writeFileSync(
      mixed,
      await buildEml({
        from: 'vpubnd.binhson@quangngai.gov.vn',
        subject: 'Re: Đề nghị báo cáo',
        messageId: '<reply-mixed@qn>',
        inReplyTo: quangNgai.messageId!,
        attachments: [
          { filename: 'so-lieu.xlsx', content: await ownLayoutWorkbook([['Vũ trường', 'Cơ sở', 4]], 'BÁO CÁO') },
        ],
      }),
    );
    const r3 = await importReply(ctx, mixed);
    expect(r3.status).toBe('needs-review');
    expect(r3.warnings[0]).toBe(
      'Thư trả lời thư cơ quan đã gửi Thành phố Quảng Ngãi nhưng gửi từ vpubnd.binhson@quangngai.gov.vn, địa chỉ của Huyện Bình Sơn; cần xem lại và chọn đơn vị.',
    );
  });
});

describe('the outgoing server itself', () => {
  it('sends a test to the office’s own address, and says in Vietnamese when the login is refused, never with the password', async () => {
    const { server } = await setup();
    const ok = await sendTestMail(ctx);
    expect(ok.to).toBe('thuongtruc@syt.test');
    expect((await server.parsed())[0]!.envelope.to).toEqual(['thuongtruc@syt.test']);

    const wrong = 'sai-mat-khau-9x';
    await useServer(server, wrong);
    const failure = await sendTestMail(ctx).catch((e: Error) => e);
    expect(failure).toMatchObject({
      code: 'invalid-input',
      message: `Máy chủ gửi thư 127.0.0.1 từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu của ${server.user}: "535 5.7.8 Authentication credentials invalid".`,
    });
    const everything = JSON.stringify({
      settings: await ctx.db.selectFrom('app_setting').selectAll().execute(),
      outbox: await ctx.db.selectFrom('outgoing_mail').selectAll().execute(),
      failure: String((failure as Error).message),
    });
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(server.password);
  });

  it('refuses an address that is neither a unit’s nor the office’s, before anything is recorded or sent', async () => {
    const { server } = await setup();
    const session = await openMailSession(ctx);
    try {
      await expect(
        session.deliver({
          kind: 'test',
          roundId: null,
          unitId: null,
          to: [{ name: 'Lạ', address: 'someone@example.org' }],
          subject: 'x',
          text: 'x',
        }),
      ).rejects.toMatchObject({
        message:
          'Không gửi đến someone@example.org: phần mềm chỉ gửi thư đến địa chỉ có trong danh sách đơn vị hoặc địa chỉ của cơ quan.',
      });
    } finally {
      session.close();
    }
    expect(await ctx.db.selectFrom('outgoing_mail').selectAll().execute()).toEqual([]);
    expect(server.received()).toEqual([]);
  });

  it('sends a correction request to the unit, and a receipt after an import only when the office asks for them', async () => {
    const { round, unit, server } = await setup();
    const correction = await sendCorrectionRequest(ctx, {
      roundId: round.id,
      unitId: unit('524').id,
      text: 'Đề nghị sửa dòng Vũ trường.',
    });
    expect(correction).toMatchObject({ status: 'sent', to: ['vpubnd.binhson@quangngai.gov.vn'] });
    const receipt = (r: Partial<Parameters<typeof sendReceipts>[1][number]>) => ({
      file: 'x.eml',
      status: 'imported' as const,
      unitCode: '524',
      roundId: round.id,
      values: 7,
      warnings: [],
      errors: ['Dòng "Vũ trường": "hai" không phải là số.'],
      ...r,
    });
    expect(await sendReceipts(ctx, [receipt({})])).toEqual([]); // off by default
    await saveOutgoingServer(ctx, {
      ...(await getOutgoingServer(ctx))!,
      receipts: true,
    });
    const receipts = await sendReceipts(ctx, [receipt({}), receipt({ status: 'rejected' })]);
    expect(receipts.map((r) => [r.unitCode, r.status])).toEqual([['524', 'sent']]);
    const mails = await server.parsed();
    expect(mails.map((m) => m.subject)).toEqual([
      'Đề nghị chỉnh sửa số liệu: Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020 – Huyện Bình Sơn',
      'Đã nhận báo cáo: Tổng kết phòng, chống mại dâm – Giai đoạn 2016-2020 – Huyện Bình Sơn',
    ]);
    expect(mails[1]!.text).toContain('đọc được 7 số liệu');
    expect(mails[1]!.text).toContain('1. Dòng "Vũ trường": "hai" không phải là số.');
  });
});
