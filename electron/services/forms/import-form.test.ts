import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedAppendixDocx, seedAppendixXls, seedAppendixXlsx, seedTableB } from '../../../tests/fixtures/seed-appendix';
import { listFormSummaries } from '../../../db/forms/repo';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { readOriginal, sha256 } from '../files/file-store';
import { convertWithLibreOffice } from '../../../tests/support/libreoffice';
import { draftFormFromBytes, importFormFile } from './import-form';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(ctx.database.dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const formats = [
  ['docx', 'phu-luc.docx', seedAppendixDocx],
  ['xlsx', 'phu-luc.xlsx', seedAppendixXlsx],
  ['xls', 'phu-luc.xls', async () => seedAppendixXls()],
] as const;

describe.each(formats)('importing the seed appendix as .%s', (_kind, name, build) => {
  it('finds table B among the tables and yields its 102 rows with units and parents', async () => {
    const bytes = await build();
    const draft = await draftFormFromBytes(name, bytes);
    expect(draft.columns).toMatchObject({ content: 'Nội dung', unit: 'Đơn vị tính', value: 'Số lượng' });
    expect(draft.rows).toHaveLength(102);
    // every row's text and unit as the appendix states them (numbering split off)
    draft.rows.forEach((r, i) => {
      const [text, unit] = seedTableB[i]!;
      expect(text.startsWith(r.numbering ?? ''), `row ${i + 1}`).toBe(true);
      expect(text.endsWith(r.text), `row ${i + 1}`).toBe(true);
      if (unit) expect(r.unit).toBe(unit);
    });
    for (const r of draft.rows.filter((x) => x.numbering === '+'))
      expect(draft.rows[r.parentRow! - 1]!.numbering).toBe('-');
  });
});

describe('an old Word (.doc) appendix', () => {
  it('is read as far as its text goes: the same 102 rows', async () => {
    const docx = write('phu-luc-cu.docx', await seedAppendixDocx());
    const doc = await convertWithLibreOffice(docx, 'doc', ctx.database.dir);
    const draft = await draftFormFromBytes('phu-luc-cu.doc', fs.readFileSync(doc));
    expect(draft.rows).toHaveLength(102);
    for (const r of draft.rows.filter((x) => x.numbering === '+'))
      expect(draft.rows[r.parentRow! - 1]!.numbering).toBe('-');
  }, 120_000);
});

describe('saving an imported form', () => {
  it('stores the rows, an indicator per value row, "Trong đó" items as children of their row, and the original file', async () => {
    const bytes = await seedAppendixDocx();
    const saved = await importFormFile(ctx, write('phu-luc.docx', bytes), 'Phụ lục tổng kết 2016-2020');
    expect(saved.rows).toHaveLength(102);
    expect(saved.rows.filter((r) => r.valueRow)).toHaveLength(75);
    expect(saved.rows.filter((r) => r.valueRow).every((r) => r.indicatorId !== null)).toBe(true);

    const total = saved.rows.find((r) => r.text.startsWith('Tổng số cơ sở kinh doanh dịch vụ'))!;
    const lodging = saved.rows.find((r) => r.text.startsWith('Cơ sở lưu trú'))!;
    const lodgingIndicator = await ctx.db
      .selectFrom('indicator')
      .selectAll()
      .where('id', '=', lodging.indicatorId!)
      .executeTakeFirstOrThrow();
    expect(lodgingIndicator).toMatchObject({
      parent_id: total.indicatorId,
      child_rule: 'none',
      measure_unit: 'Cơ sở',
      value_type: 'integer',
      aggregation: 'sum',
    });
    const totalIndicator = await ctx.db
      .selectFrom('indicator')
      .selectAll()
      .where('id', '=', total.indicatorId!)
      .executeTakeFirstOrThrow();
    expect(totalIndicator.child_rule).toBe('each-le-parent'); // the rule its "Trong đó" items obey
    const fine = saved.rows.find((r) => r.text === 'Số tiền phạt')!;
    const fineIndicator = await ctx.db
      .selectFrom('indicator')
      .selectAll()
      .where('id', '=', fine.indicatorId!)
      .executeTakeFirstOrThrow();
    expect(fineIndicator).toMatchObject({ parent_id: null, measure_unit: 'Triệu đồng', value_type: 'decimal' }); // money is not ≤ a count of businesses

    expect(await listFormSummaries(ctx.db)).toEqual([
      expect.objectContaining({
        id: saved.id,
        name: 'Phụ lục tổng kết 2016-2020',
        latestVersion: 1,
        rows: 102,
        valueRows: 75,
      }),
    ]);
    const version = await ctx.db
      .selectFrom('form_version')
      .innerJoin('stored_file', 'stored_file.id', 'form_version.source_file_id')
      .select(['stored_file.id', 'stored_file.sha256', 'stored_file.original_name'])
      .executeTakeFirstOrThrow();
    expect(version).toMatchObject({ sha256: sha256(bytes), original_name: 'phu-luc.docx' });
    const original = await readOriginal(ctx.db, version.id);
    expect(Buffer.from(original.bytes).equals(bytes)).toBe(true);
  });

  it('reads a form with an STT column, a column-number row and its own header words', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 01');
    ws.addRows([
      ['BIỂU SỐ LIỆU PHÒNG, CHỐNG MẠI DÂM NĂM 2025'],
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Năm 2025'],
      ['(1)', '(2)', '(3)', '(4)'],
      ['I', 'Kiểm tra', '', ''],
      ['1', 'Số cơ sở được kiểm tra', 'Cơ sở', ''],
      ['-', 'Cơ sở lưu trú', 'Cơ sở', ''],
      ['2', 'Số tiền phạt', 'Triệu đồng', ''],
      ['II', 'Hỗ trợ', '', ''],
      ['1', 'Tỷ lệ xã có mô hình', '%', ''],
    ]);
    const draft = await draftFormFromBytes('bieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(draft.rows.map((r) => [r.numbering, r.text, r.unit, r.parentRow, r.valueRow, r.valueType])).toEqual([
      ['I', 'Kiểm tra', null, null, false, 'integer'],
      ['1', 'Số cơ sở được kiểm tra', 'Cơ sở', 1, true, 'integer'],
      ['-', 'Cơ sở lưu trú', 'Cơ sở', 2, true, 'integer'],
      ['2', 'Số tiền phạt', 'Triệu đồng', 1, true, 'decimal'],
      ['II', 'Hỗ trợ', null, null, false, 'integer'],
      ['1', 'Tỷ lệ xã có mô hình', '%', 5, true, 'percent'],
    ]);
  });
});

describe('a file with no form in it', () => {
  it('explains in Vietnamese what it looked for and stores nothing', async () => {
    const file = write(
      'cong-van.docx',
      await (async () => {
        const { Document, Packer, Paragraph } = await import('docx');
        return Buffer.from(
          await Packer.toBuffer(
            new Document({
              sections: [{ children: [new Paragraph('Kính gửi: Sở Y tế. Đơn vị xin gửi báo cáo kèm theo.')] }],
            }),
          ),
        );
      })(),
    );
    await expect(importFormFile(ctx, file)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Không tìm thấy bảng biểu mẫu trong tệp "cong-van.docx"'),
    });
    expect(await listFormSummaries(ctx.db)).toEqual([]);
    expect(await ctx.db.selectFrom('stored_file').selectAll().execute()).toEqual([]);
  });
  it.each([
    ['hong.docx', 'PK\u0003\u0004 not really a zip', /Không đọc được tệp Word "hong.docx"/],
    ['gia.xlsx', 'plain text', /không phải bảng tính Excel/],
    ['cu.doc', 'whatever', /Không đọc được văn bản Word cũ "cu.doc"/],
    ['anh.pdf', '%PDF', /Không nhận loại tệp "\.pdf"/],
  ])('refuses %s', async (name, content, message) => {
    await expect(importFormFile(ctx, write(name, content))).rejects.toMatchObject({
      message: expect.stringMatching(message),
    });
    expect(await listFormSummaries(ctx.db)).toEqual([]);
  });
});
