import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFormVersionRows } from '../../../db/forms/repo';
import { convertToPdf, pdfInfo, pdfPageText, pdfPageToPng } from '../../../tests/support/libreoffice';
import { screenshotDir } from '../../../tests/e2e/harness';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { saveValues } from '../submissions/save-values';
import { rollupRound } from '../rounds/rollup';
import { appendixFromRound } from './appendix-from-round';
import { writeAppendixDocx } from './write-appendix-docx';
import { createRound } from '../rounds/create-round';
import { listRoundSummaries } from '../../../db/rounds/repo';

let ctx: TestContext;
let roundId: number;
let totalIndicator: number;
let fineIndicator: number;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
  const { round } = await seedDemoRound(ctx);
  roundId = round.id;
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
  totalIndicator = ind('Tổng số cơ sở kinh doanh');
  fineIndicator = ind('Số tiền phạt');
  const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
  const unit = (code: string) => units.find((u) => u.code === code)!.id;
  await saveValues(ctx, {
    roundId,
    unitId: unit('524'),
    how: 'typed',
    changes: [
      { indicatorId: totalIndicator, value: '1.250' },
      { indicatorId: fineIndicator, value: '12,5' },
      { indicatorId: ind('Vũ trường'), value: 3 },
    ],
  });
  await saveValues(ctx, {
    roundId,
    unitId: unit('534'),
    how: 'typed',
    changes: [
      { indicatorId: totalIndicator, value: 375 },
      { indicatorId: fineIndicator, value: '7,25' },
    ],
  });
});
afterEach(async () => {
  await ctx.dispose();
});

/** The lines around a row's text in a PDF's text: a wrapped row has its figure on a neighbouring line. */
function around(text: string, anchor: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(anchor));
  expect(i, anchor).toBeGreaterThanOrEqual(0);
  return lines.slice(Math.max(0, i - 2), i + 3).join('\n');
}

async function xmlOf(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    styles: await zip.file('word/styles.xml')!.async('string'),
    zip,
  };
}

describe('the Word appendix of a round', () => {
  it('is set up as Nghị định 30/2020 asks: A4, margins, Times New Roman, first page without number, header row repeated, caption', async () => {
    const { table, office } = await appendixFromRound(ctx, roundId, { reportNumber: '12', reportDate: '2020-07-10' });
    const { document, styles, zip } = await xmlOf(await writeAppendixDocx(table, office, { date: '2020-07-10' }));
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('(Kèm theo Báo cáo số 12/BC-SYT ngày 10/07/2020 của Sở Y tế)');
    expect(document).toContain('Quảng Ngãi, ngày 10 tháng 7 năm 2020');
    // The figures' cells are centred vertically by their table's style; the styles their text names exist,
    // in Times New Roman.
    const tableStyle = /<w:tblStyle w:val="([^"]+)"\/>/.exec(document)![1]!;
    expect(styles).toMatch(
      new RegExp(`<w:style w:type="table" w:styleId="${tableStyle}">(?:(?!</w:style>).)*<w:vAlign w:val="center"/>`),
    );
    const cellStyles = new Set([...document.matchAll(/<w:pStyle w:val="(Tbl[^"]+)"\/>/g)].map((m) => m[1]!));
    expect(cellStyles.size).toBeGreaterThan(2);
    for (const id of cellStyles)
      expect(styles).toMatch(new RegExp(`w:styleId="${id}">(?:(?!</w:style>).)*w:ascii="Times New Roman"`));
    // The page number sits in the default header; the first page's header is empty.
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
  });

  it('prints on A4 portrait with the header row on page 2 and the province totals of the database, or landscape with a column per unit', async () => {
    const dir = path.join(ctx.database.dir, 'pdf');
    fs.mkdirSync(dir);
    const totals = await rollupRound(ctx.db, roundId);
    const total = await appendixFromRound(ctx, roundId);
    const file = path.join(dir, 'phu-luc-tong.docx');
    fs.writeFileSync(file, await writeAppendixDocx(total.table, total.office));
    const pdf = await convertToPdf(file, dir);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([595, 842]);
    const page1 = await pdfPageText(pdf, 1);
    expect(page1).toContain('PHỤ LỤC');
    expect(page1).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(around(page1, 'Tổng số cơ sở kinh doanh')).toMatch(/\s1\.625\s/);
    expect(totals.get(totalIndicator)!.value).toBe(1625);
    const page2 = await pdfPageText(pdf, 2);
    const top2 = page2.split('\n').slice(0, 6).join('\n');
    for (const h of ['STT', 'Nội dung', 'Số lượng']) expect(top2).toContain(h);
    expect(page2.trim().split('\n')[0]!.trim()).toBe('2');
    const all = (await Promise.all(Array.from({ length: info.pages }, (_, i) => pdfPageText(pdf, i + 1)))).join('\n');
    expect(around(all, 'Số tiền phạt')).toMatch(/\s19,75\s/);
    expect(all).toContain('NGƯỜI LẬP BIỂU');
    expect(all).toContain('KT. GIÁM ĐỐC');
    await pdfPageToPng(pdf, 1, path.join(screenshotDir, 'docx-appendix-total-p1.png'));
    await pdfPageToPng(pdf, 2, path.join(screenshotDir, 'docx-appendix-total-p2.png'));

    const byUnit = await appendixFromRound(ctx, roundId, { byUnit: true });
    expect(byUnit.table.columns).toEqual(['Công an tỉnh', 'Huyện Bình Sơn', 'Thị xã Đức Phổ', 'Toàn tỉnh']);
    const wide = path.join(dir, 'phu-luc-don-vi.docx');
    fs.writeFileSync(wide, await writeAppendixDocx(byUnit.table, byUnit.office));
    const widePdf = await convertToPdf(wide, dir);
    const wideInfo = await pdfInfo(widePdf);
    expect([Math.round(wideInfo.widthPt), Math.round(wideInfo.heightPt)]).toEqual([842, 595]);
    const widePage1 = await pdfPageText(widePdf, 1);
    expect(around(widePage1, 'Tổng số cơ sở kinh doanh')).toMatch(/1\.250\s+375\s+1\.625/);
    const wideTop2 = (await pdfPageText(widePdf, 2)).split('\n').slice(0, 6).join('\n');
    for (const h of ['Nội dung', 'Công an', 'Toàn tỉnh']) expect(wideTop2).toContain(h);
    await pdfPageToPng(widePdf, 1, path.join(screenshotDir, 'docx-appendix-units-p1.png'));
  });
});

describe('a landscape appendix with a column for each of many units', () => {
  it("keeps the units' names whole: narrow columns get their headers written bottom to top", async () => {
    const districts = (await ctx.db.selectFrom('org_unit').select('code').where('kind', '=', 'district').execute()).map(
      (u) => u.code,
    );
    expect(districts).toHaveLength(13);
    const formId = (await listRoundSummaries(ctx.db, roundId))[0]!.formId;
    const round = await createRound(ctx, {
      formId,
      period: '2021',
      cutoffDate: '2021-12-14',
      deadline: '2021-12-20',
      units: districts,
    });
    const byUnit = await appendixFromRound(ctx, round.id, { byUnit: true });
    expect(byUnit.table.columns).toHaveLength(14);
    const docx = await writeAppendixDocx(byUnit.table, byUnit.office);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const header = /<w:tr\b(?:(?!<\/w:tr>).)*?<w:tblHeader\/>(?:(?!<\/w:tr>).)*<\/w:tr>/s.exec(xml)![0];
    expect(header.match(/<w:textDirection w:val="btLr"\/>/g)).toHaveLength(14);
    expect(header).toContain('Thành phố Quảng Ngãi');
    const dir = path.join(ctx.database.dir, 'pdf-wide');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'phu-luc-13-huyen.docx');
    fs.writeFileSync(file, docx);
    const pdf = await convertToPdf(file, dir);
    await pdfPageToPng(pdf, 1, path.join(screenshotDir, 'docx-appendix-13-units-p1.png'));
    // Three units' columns are wide enough: nothing turns.
    const few = await appendixFromRound(ctx, roundId, { byUnit: true });
    const fewXml = await (
      await JSZip.loadAsync(await writeAppendixDocx(few.table, few.office))
    )
      .file('word/document.xml')!
      .async('string');
    expect(fewXml).not.toContain('btLr');
  });

  it('prints a column per commune as page-wide tables of the same rows, each headed with its communes, the total last', async () => {
    const few = await appendixFromRound(ctx, roundId, { byUnit: true });
    const columns = [...Array.from({ length: 40 }, (_, i) => `Xã Thử Nghiệm ${i + 1}`), 'Toàn tỉnh'];
    const table = {
      ...few.table,
      columns,
      rows: few.table.rows.map((r, n) => ({
        ...r,
        values: r.heading ? columns.map(() => null) : columns.map((_, c) => (c === 40 ? 50_000 + n : c + 1)),
      })),
    };
    const { document } = await xmlOf(await writeAppendixDocx(table, few.office));
    const tables = document.split('<w:tblHeader/>').slice(1);
    expect(tables).toHaveLength(3);
    const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)].map(
      (m) => m[1]!.match(/<w:gridCol /g)!.length,
    );
    // The header's two columns, the signatures' two, and the three figures' tables of 14, 13 and 14 value columns.
    expect(grids.filter((g) => g > 2)).toEqual([3 + 14, 3 + 13, 3 + 14]);
    expect(document).toContain('Phần 1/3: Xã Thử Nghiệm 1 – Xã Thử Nghiệm 14');
    expect(document).toContain('Phần 3/3: Xã Thử Nghiệm 28 – Toàn tỉnh');
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);

    const dir = path.join(ctx.database.dir, 'pdf-communes');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'phu-luc-40-xa.docx');
    fs.writeFileSync(file, await writeAppendixDocx(table, few.office));
    const pdf = await convertToPdf(file, dir);
    const info = await pdfInfo(pdf);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([842, 595]);
    const pages = await Promise.all(Array.from({ length: info.pages }, (_, i) => pdfPageText(pdf, i + 1)));
    // Each part starts a page; a unit's name is printed whole, and the total of a row sits in the last part.
    const starts = ['Phần 1/3', 'Phần 2/3', 'Phần 3/3'].map((h) => pages.findIndex((p) => p.includes(h)));
    await pdfPageToPng(pdf, starts[2]! + 1, path.join(screenshotDir, 'docx-appendix-40-communes-part3.png'));
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    expect(starts[2]).toBeGreaterThan(starts[1]!);
    expect(pages[starts[1]!]!.split('\n').slice(0, 4).join('\n')).toContain('Phần 2/3');
    const total = pages.slice(starts[2]).join('\n');
    expect(around(total, 'Tổng số cơ sở kinh')).toMatch(/\s50\.0\d\d(\s|$)/);
    expect(pages.slice(0, starts[2]).join('\n')).not.toMatch(/50\.0\d\d/);
  });
});
