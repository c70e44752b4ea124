import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { toTcvn3, toVni } from '../../../tests/fixtures/legacy';
import { ownLayoutWorkbook } from '../../../tests/fixtures/replies';
import { seedTableB } from '../../../tests/fixtures/seed-appendix';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { listRoundValues } from '../rounds/round-values';
import { draftFormFromBytes } from '../forms/import-form';
import { importReply } from './import-reply';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

describe('replies and forms typed in legacy encodings', () => {
  it('the test encoders invert the decoders on the texts used below', () => {
    expect(toTcvn3('Tổng số cơ sở')).toBe('Tæng sè c¬ së');
    expect(toVni('Cộng hòa')).toBe('Coäng hoøa');
  });

  it('imports a TCVN3 workbook: converted, matched to the form, unit found from its heading', async () => {
    const { round } = await seedDemoRound(ctx);
    const workbook = await ownLayoutWorkbook(
      [
        [
          toTcvn3('Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn'),
          toTcvn3('Cơ sở'),
          40,
        ],
        [toTcvn3('Số người bán dâm ước tính'), toTcvn3('Người'), 12],
      ],
      toTcvn3('ubnd huyện bình sơn'),
    );
    const file = path.join(ctx.database.dir, 'bao-cao.xlsx');
    fs.writeFileSync(file, workbook);
    const r = await importReply(ctx, file);
    expect(r).toMatchObject({ status: 'imported', unitCode: '524', values: 2 });
    expect(r.warnings).toContain('Tệp "bao-cao.xlsx" được gõ bằng bảng mã TCVN3 (.VnTime); đã chuyển sang Unicode.');
    const got = (await listRoundValues(ctx, round.id)).filter((v) => v.unitCode === '524' && v.value !== null);
    expect(got.map((v) => [v.text, v.value])).toEqual([
      ['Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn', 40],
      ['Số người bán dâm ước tính', 12],
    ]);
  });

  it('reads the seed appendix typed in VNI as a Word table into the same 102 rows', async () => {
    const cell = (t: string) =>
      new TableCell({ children: [new Paragraph({ alignment: AlignmentType.LEFT, text: t })] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [cell(toVni('Nội dung')), cell(toVni('Đơn vị tính')), cell(toVni('Số lượng'))],
                }),
                ...seedTableB.map(
                  ([t, u]) => new TableRow({ children: [cell(toVni(t)), cell(toVni(u ?? '')), cell('')] }),
                ),
              ],
            }),
          ],
        },
      ],
    });
    const draft = await draftFormFromBytes('phu-luc-vni.docx', Buffer.from(await Packer.toBuffer(doc)));
    expect(draft.rows).toHaveLength(102);
    expect(draft.rows.map((r) => r.text)).toContain('Số tiếp viên nữ dưới 18 tuổi');
    expect(draft.rows.find((r) => r.text === 'Số tiền phạt')).toMatchObject({ unit: 'Triệu đồng', numbering: '*' });
  });
});
