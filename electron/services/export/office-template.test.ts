import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFormVersionRows } from '../../../db/forms/repo';
import { isAppError } from '../../../shared/errors';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { saveValues } from '../submissions/save-values';
import { exportRound } from './export-round';
import { getOfficeTemplateInfo, installOfficeTemplate, removeOfficeTemplate, starterTemplate } from './office-template';

let ctx: TestContext;
let roundId: number;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
  const { round } = await seedDemoRound(ctx);
  roundId = round.id;
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const total = rows.find((r) => r.valueRow && r.text.startsWith('Tổng số cơ sở kinh doanh'))!.indicatorId!;
  const unit = (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '524').executeTakeFirstOrThrow())
    .id;
  await saveValues(ctx, { roundId, unitId: unit, how: 'typed', changes: [{ indicatorId: total, value: '1.250' }] });
});
afterEach(async () => {
  await ctx.dispose();
});

const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe("the office's own Word template", () => {
  it('the starter template, kept as the office’s, fills the header, title, caption and one table row per form row', async () => {
    const info = await installOfficeTemplate(ctx, 'mau-phu-luc.docx', await starterTemplate());
    expect(info.fileName).toBe('mau-phu-luc.docx');
    const { bytes } = await exportRound(ctx, { roundId, format: 'docx-template' });
    const xml = await documentXml(bytes);
    const text = textOf(xml);
    expect(text).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).toContain('SỞ Y TẾ');
    expect(text).toContain('SỐ LIỆU TỔNG KẾT PHÒNG, CHỐNG MẠI DÂM GIAI ĐOẠN 2016-2020');
    expect(text).toContain('(Kèm theo Báo cáo số …/BC-SYT ngày … tháng … năm … của Sở Y tế)');
    expect(text).toContain('1.250');
    expect(text).not.toMatch(/\{[#/]?[a-zA-Z]+\}/);
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(1 + 1 + 102); // the header table, the table's header row, one per form row
  });

  it('a template with a broken tag is refused with the tag named, and nothing is kept', async () => {
    const broken = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('{officeName} báo cáo {title')] }] }),
    );
    try {
      await installOfficeTemplate(ctx, 'hong.docx', broken);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(isAppError(e) && e.message).toMatch(/Mẫu Word có 1 chỗ sai: thẻ \{title.*thẻ chưa đóng/);
    }
    expect(await getOfficeTemplateInfo(ctx)).toBeNull();
    await expect(exportRound(ctx, { roundId, format: 'docx-template' })).rejects.toThrow(
      /Chưa có mẫu Word của cơ quan/,
    );
    await expect(installOfficeTemplate(ctx, 'mau.doc', broken)).rejects.toThrow(/\.docx/);
    await expect(installOfficeTemplate(ctx, 'khong-phai.docx', Buffer.from('not a zip'))).rejects.toThrow(
      /không phải tệp Word/,
    );
  });

  it('can be removed, after which the built-in appendix is what remains', async () => {
    await installOfficeTemplate(ctx, 'mau.docx', await starterTemplate());
    await removeOfficeTemplate(ctx);
    expect(await getOfficeTemplateInfo(ctx)).toBeNull();
  });
});
