import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { convertWithLibreOffice } from '../../../tests/support/libreoffice';
import { buildEml, fillTemplate, ownLayoutWorkbook } from '../../../tests/fixtures/replies';
import { getFormVersionRows } from '../../../db/forms/repo';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { listSubmissions } from '../rounds/completeness';
import { listRoundValues } from '../rounds/round-values';
import { importReply } from './import-reply';
import { getReplyTable } from './reply-table';
import { reviewMessage } from './review-message';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

function write(name: string, bytes: Buffer | string): string {
  const p = path.join(ctx.database.dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

async function counts() {
  const n = async (t: 'email_message' | 'submission_revision' | 'data_value' | 'value_history' | 'stored_file') =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    messages: await n('email_message'),
    revisions: await n('submission_revision'),
    values: await n('data_value'),
    history: await n('value_history'),
    files: await n('stored_file'),
  };
}

async function setup() {
  const { round } = await seedDemoRound(ctx);
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
  const keyOf = (start: string, nth = 0) => rows.filter((r) => r.text.startsWith(start))[nth]!.rowKey;
  return { round, rows, templates, keyOf };
}

describe('importing a filled template sent by e-mail', () => {
  it('stores the values for the right unit and round with their cells, once; a corrected resend becomes revision 2', async () => {
    const { round, templates, keyOf } = await setup();
    const binhSon = templates.files.find((f) => f.unitCode === '524')!;
    const filled = await fillTemplate(binhSon.workbook, {
      [keyOf('Tổng số cơ sở kinh doanh')]: 40,
      [keyOf('Cơ sở lưu trú')]: 25,
      [keyOf('Số tiền phạt')]: 12.5,
    });
    const eml = write(
      'binh-son.eml',
      await buildEml({
        from: 'someone.personal@gmail.com',
        fromName: 'Nguyễn Văn A',
        subject: 'Báo cáo tổng kết',
        messageId: '<m1@gmail.com>',
        attachments: [{ filename: 'Báo cáo Bình Sơn.xlsx', content: filled }],
      }),
    );

    // From a personal address no unit has: the figures are stored, and the reply waits for the clerk to confirm the sender.
    const first = await importReply(ctx, eml);
    expect(first).toMatchObject({ status: 'needs-review', unitCode: '524', roundId: round.id, values: 3, errors: [] });
    expect(first.warnings).toContain(
      'Thư gửi từ someone.personal@gmail.com, địa chỉ chưa có trong danh sách của đơn vị nào; biểu mẫu ghi đơn vị Huyện Bình Sơn. Số liệu đã ghi nhưng cần xác nhận người gửi.',
    );
    const values = await listRoundValues(ctx, round.id);
    const bs = values.filter((v) => v.unitCode === '524');
    expect(bs.find((v) => v.text.startsWith('Tổng số cơ sở kinh doanh'))?.value).toBe(40);
    expect(bs.find((v) => v.text === 'Số tiền phạt')?.value).toBe(12.5);
    expect(bs.filter((v) => v.value !== null)).toHaveLength(3);
    const stored = await ctx.db
      .selectFrom('data_value')
      .select(['source_sheet', 'source_cell', 'num_value'])
      .where('num_value', '=', 40)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ source_sheet: 'Báo cáo', source_cell: 'E9', num_value: 40 });
    const subs = await listSubmissions(ctx, round.id);
    expect(subs.find((s) => s.unitCode === '524')).toMatchObject({
      status: 'received',
      revisions: 1,
      late: false,
      receivedAt: '2020-07-03T02:00:00.000Z',
    });

    const before = await counts();
    expect(await importReply(ctx, eml)).toMatchObject({ status: 'duplicate', values: 0 });
    expect(await counts()).toEqual(before);

    const corrected = await fillTemplate(binhSon.workbook, {
      [keyOf('Tổng số cơ sở kinh doanh')]: 41,
      [keyOf('Cơ sở lưu trú')]: 25,
    });
    const resend = write(
      'binh-son-2.eml',
      await buildEml({
        from: 'vpubnd.binhson@quangngai.gov.vn',
        subject: 'Gửi lại báo cáo (đã sửa)',
        messageId: '<m2@quangngai.gov.vn>',
        date: new Date('2020-07-06T01:00:00Z'),
        attachments: [{ filename: 'bao-cao-sua.xlsx', content: corrected }],
      }),
    );
    // A correction after the deadline: the report arrived on time, so it is a correction, not a late report.
    expect(await importReply(ctx, resend)).toMatchObject({
      status: 'imported',
      unitCode: '524',
      values: 2,
      warnings: ['Bản gửi lại (lần 2) của báo cáo đã nhận ngày 03/07/2020, đúng hạn; số liệu được cập nhật.'],
    });
    const history = await ctx.db
      .selectFrom('value_history')
      .innerJoin('submission_revision as r', 'r.id', 'value_history.revision_id')
      .select(['old_num', 'new_num', 'r.number'])
      .orderBy('value_history.id')
      .execute();
    expect(history).toEqual([
      { old_num: null, new_num: 40, number: 1 },
      { old_num: null, new_num: 25, number: 1 },
      { old_num: null, new_num: 12.5, number: 1 },
      { old_num: 40, new_num: 41, number: 2 },
      { old_num: 12.5, new_num: null, number: 2 },
    ]);
    expect((await listSubmissions(ctx, round.id)).find((s) => s.unitCode === '524')).toMatchObject({
      revisions: 2,
      late: false,
      receivedAt: '2020-07-03T02:00:00.000Z',
    });
  });

  it('counts lateness from the first reply: a report 3 days late stays 3 days late when its correction comes later', async () => {
    const { round, templates, keyOf } = await setup();
    const ducPho = templates.files.find((f) => f.unitCode === '534')!;
    const send = async (name: string, date: string, value: number, messageId: string) =>
      importReply(
        ctx,
        write(
          name,
          await buildEml({
            from: 'vpubnd.ducpho@quangngai.gov.vn',
            subject: 'Báo cáo',
            messageId,
            date: new Date(date),
            attachments: [
              {
                filename: 'bc.xlsx',
                content: await fillTemplate(ducPho.workbook, { [keyOf('Tổng số cơ sở kinh doanh')]: value }),
              },
            ],
          }),
        ),
      );
    expect((await send('1.eml', '2020-07-08T01:00:00Z', 30, '<dp-1@qn>')).warnings).toEqual([
      'Gửi muộn so với hạn 05/07/2020.',
    ]);
    expect((await send('2.eml', '2020-07-10T01:00:00Z', 31, '<dp-2@qn>')).warnings).toEqual([
      'Bản gửi lại (lần 2) của báo cáo đã nhận ngày 08/07/2020, muộn so với hạn 05/07/2020; số liệu được cập nhật.',
    ]);
    expect((await listSubmissions(ctx, round.id)).find((s) => s.unitCode === '534')).toMatchObject({
      revisions: 2,
      late: true,
      receivedAt: '2020-07-08T01:00:00.000Z',
    });
  });

  it('explains a "Trong đó" item larger than its total and marks the submission as having errors', async () => {
    const { round, templates, keyOf } = await setup();
    const ca = templates.files.find((f) => f.unitCode === 'CA')!;
    const filled = await fillTemplate(ca.workbook, {
      [keyOf('Tổng số cơ sở kinh doanh')]: 10,
      [keyOf('Cơ sở lưu trú')]: 12,
      [keyOf('Vũ trường')]: 'hai',
    });
    const r = await importReply(ctx, write('ca.xlsx', filled));
    expect(r.status).toBe('imported');
    expect(r.errors).toEqual([
      expect.stringMatching(/Vũ trường.*"hai" không phải là số/),
      expect.stringContaining('"Cơ sở lưu trú (nhà nghỉ, khách sạn, nhà trọ, nhà cho thuê,…)" (12) lớn hơn dòng tổng'),
    ]);
    expect((await listSubmissions(ctx, round.id)).find((s) => s.unitCode === 'CA')?.status).toBe('has-errors');
    const flagged = (await listRoundValues(ctx, round.id)).find(
      (v) => v.unitCode === 'CA' && v.text.startsWith('Cơ sở lưu trú'),
    )!;
    expect(flagged).toMatchObject({ value: 12, flags: [expect.stringContaining('lớn hơn dòng tổng')] });
  });
});

describe('importing a reply in the unit’s own layout', () => {
  it('finds the data beside a cover letter, the unit by its name, and reads Vietnamese numbers and formulas', async () => {
    const { round } = await setup();
    const workbook = await ownLayoutWorkbook([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 'Cơ sở', '1.250'],
      ['Cơ sở lưu trú (nhà nghỉ, khách sạn, nhà trọ, nhà cho thuê,…)', 'Cơ sở', 1000],
      ['Vũ trường', 'Cơ sở', { formula: 'D5-D6', result: 250 }],
      ['Số tiền phạt', 'Triệu đồng', '12,5'],
      ['Số cơ sở karaoke mới mở tại các xã biên giới', 'Cơ sở', 3],
    ]);
    const letter = Buffer.from(
      await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph('Kính gửi: Sở Y tế. UBND huyện Bình Sơn gửi báo cáo.')] }],
        }),
      ),
    );
    const eml = write(
      'own.eml',
      await buildEml({
        from: 'ldtbxh.bs@gmail.com',
        fromName: 'Phòng LĐTBXH',
        subject: 'V/v báo cáo tổng kết 5 năm PCMD',
        attachments: [
          { filename: 'cong-van.docx', content: letter },
          { filename: 'so-lieu.xlsx', content: workbook },
        ],
      }),
    );
    const r = await importReply(ctx, eml);
    expect(r).toMatchObject({ unitCode: '524', roundId: round.id, values: 4, status: 'needs-review' });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'Tệp "cong-van.docx" không có bảng số liệu (có thể là công văn kèm theo).',
        expect.stringContaining('"Số cơ sở karaoke mới mở tại các xã biên giới" không khớp dòng nào'),
      ]),
    );
    const bs = (await listRoundValues(ctx, round.id)).filter((v) => v.unitCode === '524' && v.value !== null);
    expect(bs.map((v) => [v.text.slice(0, 20), v.value])).toEqual([
      ['Tổng số cơ sở kinh d', 1250],
      ['Cơ sở lưu trú (nhà n', 1000],
      ['Vũ trường', 250],
      ['Số tiền phạt', 12.5],
    ]);
  });
});

describe('a reply as an old Excel 97-2003 (.xls) workbook', () => {
  it('reads its numbers as numbers, whatever their display format', async () => {
    const { round } = await setup();
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([
      ['ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ'],
      ['STT', 'Nội dung', 'ĐVT', 'Số liệu'],
      [1, 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 'Cơ sở', 1250],
      [2, 'Số tiền phạt', 'Triệu đồng', 12.5],
    ]);
    ws['D3']!.z = '#,##0'; // shown as "1,250" by an English Excel: still 1250
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'BC');
    const r = await importReply(
      ctx,
      write('duc-pho.xls', XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer),
    );
    expect(r).toMatchObject({ status: 'imported', unitCode: '534', values: 2 });
    const got = (await listRoundValues(ctx, round.id))
      .filter((v) => v.unitCode === '534' && v.value !== null)
      .map((v) => [v.text, v.value]);
    expect(got).toEqual([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 1250],
      ['Số tiền phạt', 12.5],
    ]);
  });
});

describe('reviewing a reply row by row', () => {
  it('shows the table as sent with its matches, and imports the rows as the user decides', async () => {
    const { round, rows } = await setup();
    const workbook = await ownLayoutWorkbook([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 'Cơ sở', 30],
      ['Tổng số người vi phạm pháp luật', 'Lượt người', 9],
      ['Số lớp tập huấn do huyện tự tổ chức', 'Lớp', 2],
    ]);
    const r = await importReply(ctx, write('bs.xlsx', workbook));
    expect(r).toMatchObject({ status: 'needs-review', unitCode: '524', values: 1 });
    const message = await ctx.db.selectFrom('email_message').select('id').executeTakeFirstOrThrow();

    const view = (await getReplyTable(ctx, message.id))!;
    const violators = rows.find((x) => x.text === 'Tổng số người vi phạm')!.row;
    expect(view.rows.map((x) => [x.text, x.value, x.cell, x.formRow, x.quality])).toEqual([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 30, 'D5', 3, 'exact'],
      ['Tổng số người vi phạm pháp luật', 9, 'D6', violators, 'weak'],
      ['Số lớp tập huấn do huyện tự tổ chức', 2, 'D7', null, null],
    ]);
    expect(view.formRows).toHaveLength(102);

    const done = await reviewMessage(ctx, {
      messageId: message.id,
      unitId: (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '524').executeTakeFirstOrThrow()).id,
      rowChoices: [
        { index: 0, formRow: 3 },
        { index: 1, formRow: violators },
        { index: 2, formRow: null },
      ],
    });
    expect(done).toMatchObject({ status: 'imported', values: 2 });
    const got = (await listRoundValues(ctx, round.id))
      .filter((v) => v.unitCode === '524' && v.value !== null)
      .map((v) => [v.row, v.value]);
    expect(got).toEqual([
      [3, 30],
      [violators, 9],
    ]);
    expect(await ctx.db.selectFrom('email_message').select(['status']).execute()).toEqual([{ status: 'imported' }]);
  });
});

describe('a reply in an old Word (.doc) file', () => {
  it('reads its table and its heading, and says the file gave text only', async () => {
    const { round } = await setup();
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const docx = write(
      'bao-cao.docx',
      Buffer.from(
        await Packer.toBuffer(
          new Document({
            sections: [
              {
                children: [
                  new Paragraph('UBND HUYỆN BÌNH SƠN'),
                  new Table({
                    rows: [
                      new TableRow({ children: [cell('Nội dung'), cell('Đơn vị tính'), cell('Số lượng')] }),
                      new TableRow({
                        children: [
                          cell('- Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn'),
                          cell('Cơ sở'),
                          cell('1.250'),
                        ],
                      }),
                      new TableRow({ children: [cell('+ Vũ trường'), cell('Cơ sở'), cell('3')] }),
                    ],
                  }),
                ],
              },
            ],
          }),
        ),
      ),
    );
    const doc = await convertWithLibreOffice(docx, 'doc', ctx.database.dir);
    const r = await importReply(ctx, doc);
    expect(r).toMatchObject({ status: 'imported', unitCode: '524', values: 2 });
    expect(r.warnings).toContain(
      'Tệp "bao-cao.doc" là văn bản Word cũ (.doc): chỉ đọc được chữ, không có định dạng; hãy kiểm tra kỹ số liệu.',
    );
    const got = (await listRoundValues(ctx, round.id))
      .filter((v) => v.unitCode === '524' && v.value !== null)
      .map((v) => v.value);
    expect(got).toEqual([1250, 3]);
  }, 120_000);
});

describe('replies that cannot be imported as they are', () => {
  it('an e-mail without attachment is kept for review', async () => {
    await setup();
    const r = await importReply(
      ctx,
      write(
        'empty.eml',
        await buildEml({ from: 'congan@quangngai.gov.vn', subject: 'Báo cáo', text: 'Số liệu: 12 cơ sở.' }),
      ),
    );
    expect(r).toMatchObject({
      status: 'needs-review',
      unitCode: 'CA',
      values: 0,
      warnings: expect.arrayContaining(['Thư không có tệp đính kèm.']),
    });
  });

  it('a broken workbook or an unknown file type is rejected in Vietnamese and changes nothing', async () => {
    await setup();
    const before = await counts();
    const broken = await importReply(ctx, write('hong.xlsx', 'PK\u0003\u0004 cut short'));
    expect(broken).toMatchObject({
      status: 'rejected',
      errors: [expect.stringMatching(/Không đọc được tệp Excel "hong.xlsx"/)],
    });
    const odd = await importReply(ctx, write('anh.bmp', 'BM'));
    expect(odd).toMatchObject({ status: 'rejected', errors: [expect.stringContaining('Không nhận loại tệp ".bmp"')] });
    expect(await counts()).toEqual(before);
  });

  it('a truncated e-mail whose attachment is cut off is refused as cut short, keeping nothing', async () => {
    const { templates } = await setup();
    const full = await buildEml({
      from: 'congan@quangngai.gov.vn',
      subject: 'Báo cáo',
      attachments: [{ filename: 'ca.xlsx', content: fs.readFileSync(templates.files[0]!.workbook) }],
    });
    const before = await counts();
    const r = await importReply(ctx, write('cut.eml', full.subarray(0, Math.floor(full.length * 0.6))));
    expect(r).toMatchObject({ status: 'rejected', values: 0 });
    expect(r.errors.join(' ')).toMatch(/^Thư bị cắt cụt: "cut\.eml" thiếu phần cuối/);
    expect(await counts()).toEqual(before);
  });
});
