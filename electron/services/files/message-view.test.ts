import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEml, ownLayoutWorkbook } from '../../../tests/fixtures/replies';
import { buildMsg } from '../../../tests/fixtures/msg';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { importReply } from '../inbox/import-reply';
import { markFromInternet } from './internet-zone';
import { saveOriginalCopy, viewMessage } from './message-view';
import { cleanViewFolder, openOriginal, viewFolder } from './open-original';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

const sourceOf = async (messageId: string) =>
  (
    await ctx.db
      .selectFrom('email_message')
      .select('source_file_id')
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow()
  ).source_file_id!;

describe('an e-mail kept as it came, shown inside the app', () => {
  it('an .eml: headers, plain text and each attachment with its stored file; never handed to another program', async () => {
    const workbook = await ownLayoutWorkbook([['Số lượt kiểm tra', 'Lượt', 4]]);
    const eml = await buildEml({
      from: 'nguoi.la@example.invalid',
      fromName: 'Người lạ',
      subject: 'Báo cáo kèm tệp lạ',
      messageId: '<xem@example.invalid>',
      text: 'Kính gửi Văn phòng,\nđơn vị gửi báo cáo.',
      attachments: [
        { filename: 'bao-cao.xlsx', content: workbook },
        { filename: 'chay-ngay.exe', content: Buffer.from('MZ…') },
      ],
    });
    const file = path.join(ctx.database.dir, 'thu.eml');
    fs.writeFileSync(file, eml);
    await importReply(ctx, file);
    const fileId = await sourceOf('<xem@example.invalid>');

    const view = await viewMessage(ctx, fileId);
    expect(view).toMatchObject({
      fileName: 'thu.eml',
      subject: 'Báo cáo kèm tệp lạ',
      from: 'Người lạ <nguoi.la@example.invalid>',
      to: ['thuongtruc@quangngai.gov.vn'],
      sentAt: '2020-07-03T02:00:00.000Z',
      textCut: false,
    });
    expect(view.text).toContain('đơn vị gửi báo cáo.');
    expect(view.attachments.map((a) => [a.name, a.fileId !== null])).toEqual([
      ['bao-cao.xlsx', true],
      ['chay-ngay.exe', true],
    ]);

    // The e-mail itself is never opened with another program; its workbook is, as a read-only copy.
    await expect(openOriginal(ctx, fileId)).rejects.toThrow(
      'Thư "thu.eml" được xem ngay trong phần mềm (Xem thư), không mở bằng chương trình khác.',
    );
    await expect(openOriginal(ctx, view.attachments[1]!.fileId!)).rejects.toThrow(
      /Không mở tệp "chay-ngay\.exe" bằng chương trình khác/,
    );
    const opened = await openOriginal(ctx, view.attachments[0]!.fileId!);
    expect(ctx.platform.opened).toEqual([opened]);

    // Saving a copy is allowed for anything (saving runs nothing), where the user chooses.
    const target = path.join(ctx.database.dir, 'luu', 'chay-ngay.exe');
    fs.mkdirSync(path.dirname(target));
    ctx.platform.savePaths.push(target);
    expect(await saveOriginalCopy(ctx, view.attachments[1]!.fileId!)).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('MZ…');
  });

  it('an Outlook .msg: its body and recipients', async () => {
    const msg = buildMsg({
      subject: 'Báo cáo từ Outlook',
      senderName: 'Văn thư',
      senderEmail: 'vanthu@binhson.quangngai.gov.vn',
      messageId: '<outlook-xem@binhson>',
      body: 'Nội dung thư Outlook.',
      recipients: [{ name: 'Văn phòng thường trực', email: 'thuongtruc@quangngai.gov.vn' }],
      attachments: [{ filename: 'ghi-chu.txt', content: Buffer.from('ghi chú') }],
    });
    const file = path.join(ctx.database.dir, 'thu.msg');
    fs.writeFileSync(file, msg);
    await importReply(ctx, file);
    const view = await viewMessage(ctx, await sourceOf('<outlook-xem@binhson>'));
    expect(view).toMatchObject({
      subject: 'Báo cáo từ Outlook',
      from: 'Văn thư <vanthu@binhson.quangngai.gov.vn>',
      to: ['Văn phòng thường trực <thuongtruc@quangngai.gov.vn>'],
      text: 'Nội dung thư Outlook.',
    });
    expect(view.attachments.map((a) => a.name)).toEqual(['ghi-chu.txt']);
  });
});

describe('copies handed to the system', () => {
  it('on Windows carry the mark of a file from the internet (Zone.Identifier, ZoneId=3); elsewhere nothing is added', () => {
    const file = path.join(ctx.database.dir, 'bao-cao.xlsx');
    fs.writeFileSync(file, 'x');
    markFromInternet(file, 'linux');
    expect(fs.readdirSync(ctx.database.dir).filter((f) => f.startsWith('bao-cao'))).toEqual(['bao-cao.xlsx']);
    // On Linux an NTFS stream's name is an ordinary file's name: what Windows would keep beside the file.
    markFromInternet(file, 'win32');
    expect(fs.readFileSync(`${file}:Zone.Identifier`, 'utf8')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
  });

  it('the viewing folder drops copies older than a day when the app starts', () => {
    const folder = viewFolder(ctx);
    fs.mkdirSync(folder, { recursive: true });
    const old = path.join(folder, '1-cu.xlsx');
    const fresh = path.join(folder, '2-moi.xlsx');
    fs.writeFileSync(old, 'x', { mode: 0o444 });
    fs.writeFileSync(fresh, 'y', { mode: 0o444 });
    const now = Date.now();
    fs.utimesSync(old, new Date(now - 25 * 3600_000), new Date(now - 25 * 3600_000));
    expect(cleanViewFolder(ctx, now)).toBe(1);
    expect(fs.readdirSync(folder)).toEqual(['2-moi.xlsx']);
  });
});
