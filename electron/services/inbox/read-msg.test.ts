import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMsg } from '../../../tests/fixtures/msg';
import { fillTemplate } from '../../../tests/fixtures/replies';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { importPath } from './import-path';
import { readMsg } from './read-msg';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('Outlook .msg', () => {
  it('reads sender, Vietnamese subject, date, Message-ID and attachments with Vietnamese names', () => {
    const m = readMsg(
      'thu.msg',
      buildMsg({
        subject: 'Báo cáo số liệu phòng, chống mại dâm',
        senderName: 'Công an tỉnh',
        senderEmail: 'CongAn@QuangNgai.gov.vn',
        messageId: '<msg-1@qn>',
        date: 'Fri, 03 Jul 2020 09:00:00 +0700',
        attachments: [{ filename: 'Báo cáo năm.xlsx', content: Buffer.from('xlsx bytes') }],
      }),
    );
    expect(m).toEqual({
      messageId: '<msg-1@qn>',
      fromAddress: 'congan@quangngai.gov.vn',
      fromName: 'Công an tỉnh',
      subject: 'Báo cáo số liệu phòng, chống mại dâm',
      sentAt: '2020-07-03T02:00:00.000Z',
      answers: [],
      attachments: [{ fileName: 'Báo cáo năm.xlsx', bytes: Buffer.from('xlsx bytes') }],
    });
  });

  it('reads the thread a reply answers from its transport headers (folded lines too), nearest first', () => {
    const m = readMsg(
      'tra-loi.msg',
      buildMsg({
        subject: 'RE: Đề nghị báo cáo',
        senderName: 'Cán bộ',
        senderEmail: 'canbo@gmail.com',
        messageId: '<reply@gmail.com>',
        replyHeaders: ['In-Reply-To: <forms-2@syt.test>', 'References: <forms-1@syt.test>\r\n <forms-2@syt.test>'],
        attachments: [],
      }),
    );
    expect(m.answers).toEqual(['<forms-2@syt.test>', '<forms-1@syt.test>']);
  });

  it('imports a filled template sent from Outlook, once', async () => {
    const { round } = await seedDemoRound(ctx);
    const t = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const content = await fillTemplate(t.files.find((f) => f.unitCode === '534')!.workbook, { R003: 14 });
    const file = path.join(ctx.database.dir, 'duc-pho.msg');
    fs.writeFileSync(
      file,
      buildMsg({
        subject: 'Báo cáo',
        senderEmail: 'vpubnd.ducpho@quangngai.gov.vn',
        messageId: '<msg-2@qn>',
        attachments: [{ filename: 'bc.xlsx', content }],
      }),
    );
    expect(await importPath(ctx, file)).toEqual([
      expect.objectContaining({ status: 'imported', unitCode: '534', values: 1 }),
    ]);
    expect(await ctx.db.selectFrom('email_message').select('source').execute()).toEqual([{ source: 'msg' }]);
    expect((await importPath(ctx, file))[0]!.status).toBe('duplicate');
  });

  it('refuses a damaged .msg in Vietnamese', async () => {
    const file = path.join(ctx.database.dir, 'hong.msg');
    fs.writeFileSync(file, Buffer.from('\u00d0\u00cf\u0011\u00e0 not a compound file', 'latin1'));
    const [r] = await importPath(ctx, file);
    expect(r).toMatchObject({
      status: 'rejected',
      errors: [expect.stringContaining('Không đọc được thư Outlook "hong.msg"')],
    });
  });
});
