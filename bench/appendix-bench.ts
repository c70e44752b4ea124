import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendixParts, appendixRow, type AppendixTable } from '../shared/domain/appendix';
import { getFormVersionRows } from '../db/forms/repo';
import { createTestContext } from '../electron/testing/service-context';
import { seedForm } from './province';
import { emptyOfficeProfile } from '../shared/domain/office';
import { writeAppendixDocx } from '../electron/services/export/write-appendix-docx';
import { median } from './median';

/**
 * The appendix of the seed form (102 rows, read by the app's form import) with `units` unit columns and
 * the province total, as the app lays it out: headings without figures, "Trong đó" items in italics.
 */
async function appendixTable(units: number): Promise<AppendixTable> {
  const ctx = await createTestContext();
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-luc-bench-'));
    const form = await seedForm(ctx, dir);
    fs.rmSync(dir, { recursive: true, force: true });
    const rows = await getFormVersionRows(ctx.db, form.versionId);
    return {
      label: 'PHỤ LỤC',
      title: 'SỐ LIỆU TỔNG KẾT PHÒNG, CHỐNG MẠI DÂM NĂM 2025',
      caption: '(Kèm theo Báo cáo số …/BC-SYT ngày … tháng … năm … của Sở Y tế)',
      columns: [...Array.from({ length: units }, (_, i) => `Xã Thử Nghiệm ${i + 1}`), 'Toàn tỉnh'],
      rows: rows.map((r, n) =>
        appendixRow(
          r,
          Array.from({ length: units + 1 }, (_, c) => (n * 7 + c * 13) % 1000),
        ),
      ),
    };
  } finally {
    await ctx.dispose();
  }
}

const office = {
  ...emptyOfficeProfile,
  parentBody: 'UBND TỈNH QUẢNG NGÃI',
  officeName: 'SỞ Y TẾ',
  symbol: 'SYT',
  place: 'Quảng Ngãi',
};

async function medianOf(times: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The 102-row appendix with 14 units and the total (15 value columns), written as .docx: median of 7, in ms. */
export async function benchAppendixDocx(): Promise<number> {
  const table = await appendixTable(14);
  return medianOf(7, () => writeAppendixDocx(table, office, { date: '2025-12-20' }));
}

/**
 * The Word appendix of 102 rows × 170 units (and the total), against the floor of the docx library
 * writing the same cells in tables of as many grid columns (the appendix prints 171 value columns as 13
 * page-wide tables of the same rows, appendixParts), with nothing of the app's (one plain paragraph per
 * cell: no header row, fonts, alignment, borders, column widths by figure or page set-up): median of 3.
 */
export async function benchAppendix170(): Promise<{ appMs: number; floorMs: number }> {
  const table = await appendixTable(170);
  const appMs = await medianOf(3, () => writeAppendixDocx(table, office, { date: '2025-12-20' }));
  const cells = (r: AppendixTable['rows'][number]) => [
    r.numbering ?? '',
    r.text,
    r.unit ?? '',
    ...r.values.map((v) => (v === null ? '' : String(v))),
  ];
  const parts = appendixParts(table);
  const floorMs = await medianOf(3, () =>
    Packer.toBuffer(
      new Document({
        sections: [
          {
            children: parts.flatMap((part) => {
              // As many grid columns as the app's table, sharing an A4 landscape page's text width.
              const widths = Array.from({ length: 3 + part.columns.length }, () =>
                Math.floor(14_286 / (3 + part.columns.length)),
              );
              return [
                ...(part.heading ? [new Paragraph(part.heading)] : []),
                new Table({
                  width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
                  columnWidths: widths,
                  rows: [['STT', 'Nội dung', 'Đơn vị tính', ...part.columns], ...part.rows.map(cells)].map(
                    (row) =>
                      new TableRow({
                        children: row.map((text) => new TableCell({ children: [new Paragraph(String(text))] })),
                      }),
                  ),
                }),
              ];
            }),
          },
        ],
      }),
    ),
  );
  return { appMs, floorMs };
}
