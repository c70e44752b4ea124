import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEml, fillTemplate } from '../../../tests/fixtures/replies';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { importPath } from './import-path';
import { readOriginal } from '../files/file-store';
import { readParts } from './read-parts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

async function filled(code: string, values: Record<string, number>) {
  const { round } = await seedDemoRound(ctx);
  const t = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
  return { round, bytes: await fillTemplate(t.files.find((f) => f.unitCode === code)!.workbook, values) };
}

function write(name: string, bytes: Buffer | Uint8Array): string {
  const p = path.join(ctx.database.dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe('zipped replies', () => {
  it('opens a .zip with the workbook and a cover letter inside', async () => {
    const { round, bytes } = await filled('534', { R003: 9 });
    const zip = new JSZip();
    zip.file('Bao cao/duc-pho.xlsx', bytes);
    zip.file('Bao cao/cong-van.pdf', '%PDF-1.4 fake');
    const r = await importPath(
      ctx,
      write('bao-cao.zip', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })),
    );
    expect(r).toEqual([expect.objectContaining({ status: 'imported', unitCode: '534', roundId: round.id, values: 1 })]);
    expect(r[0]!.warnings).toContain('Tệp "cong-van.pdf" cần nhập tay (PDF hoặc ảnh); đã lưu để mở xem.');
    // The figure leads back to the workbook inside the zip, byte for byte.
    const v = await ctx.db
      .selectFrom('data_value')
      .select(['source_file_id', 'source_cell'])
      .where('num_value', '=', 9)
      .executeTakeFirstOrThrow();
    const original = await readOriginal(ctx.db, v.source_file_id!, readParts);
    expect(original.name).toBe('duc-pho.xlsx');
    expect(Buffer.from(original.bytes).equals(bytes)).toBe(true);
  });

  it('traces a figure to a workbook inside a zip attached to an e-mail, and stores the e-mail once', async () => {
    const { bytes } = await filled('CA', { R003: 6 });
    const zip = new JSZip();
    zip.file('ca.xlsx', bytes);
    const eml = write(
      'ca.eml',
      await buildEml({
        from: 'congan@quangngai.gov.vn',
        subject: 'Báo cáo',
        attachments: [{ filename: 'bc.zip', content: await zip.generateAsync({ type: 'nodebuffer' }) }],
      }),
    );
    expect((await importPath(ctx, eml))[0]).toMatchObject({ status: 'imported', values: 1 });
    const v = await ctx.db
      .selectFrom('data_value')
      .select('source_file_id')
      .where('num_value', '=', 6)
      .executeTakeFirstOrThrow();
    expect(Buffer.from((await readOriginal(ctx.db, v.source_file_id!, readParts)).bytes).equals(bytes)).toBe(true);
    const blobs = await ctx.db
      .selectFrom('stored_file_content')
      .innerJoin('stored_file', 'stored_file.id', 'stored_file_content.file_id')
      .select('original_name')
      .execute();
    expect(blobs.map((b) => b.original_name).filter((n) => n !== 'phu-luc.docx')).toEqual(['ca.eml']); // attachments are parts, not copies
  });

  it('stops a zip bomb while it inflates and imports nothing from it', async () => {
    await seedDemoRound(ctx);
    const zip = new JSZip();
    zip.file('bomb.xlsx', Buffer.alloc(40 * 1024 * 1024));
    const bytes = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bytes.byteLength).toBeLessThan(200_000);
    const eml = write(
      'bomb.eml',
      await buildEml({
        from: 'congan@quangngai.gov.vn',
        subject: 'Báo cáo',
        attachments: [{ filename: 'bc.zip', content: bytes }],
      }),
    );
    const [r] = await importPath(ctx, eml);
    expect(r).toMatchObject({ values: 0, status: 'needs-review' });
    expect(r!.warnings).toContain(
      'Tệp nén "bc.zip" giải nén ra quá lớn (giới hạn 30 MB mỗi tệp, 100 MB tất cả); dừng giải nén.',
    );
  });

  it('does not open a zip inside a zip', async () => {
    await seedDemoRound(ctx);
    const inner = new JSZip();
    inner.file('x.xlsx', 'x');
    const outer = new JSZip();
    outer.file('trong.zip', await inner.generateAsync({ type: 'nodebuffer' }));
    const [r] = await importPath(ctx, write('ngoai.zip', await outer.generateAsync({ type: 'nodebuffer' })));
    expect(r).toMatchObject({ status: 'rejected', errors: ['Không mở tệp nén "trong.zip" nằm trong "ngoai.zip".'] });
  });
});

describe('an .mbox of replies', () => {
  it('imports each message, reported one line each', async () => {
    const { bytes } = await filled('CA', { R003: 2 });
    const a = await buildEml({
      from: 'congan@quangngai.gov.vn',
      subject: 'Báo cáo',
      messageId: '<a@qn>',
      attachments: [{ filename: 'ca.xlsx', content: bytes }],
    });
    const b = await buildEml({
      from: 'vpubnd.binhson@quangngai.gov.vn',
      subject: 'Chưa có số liệu',
      messageId: '<b@qn>',
    });
    const mbox = Buffer.concat([
      Buffer.from('From congan@quangngai.gov.vn Fri Jul  3 09:00:00 2020\n'),
      a,
      Buffer.from('\n\n'),
      Buffer.from('From vpubnd.binhson@quangngai.gov.vn Fri Jul  3 10:00:00 2020\n'),
      b,
      Buffer.from('\n'),
    ]);
    const file = write('hop-thu.mbox', mbox);
    const results = await importPath(ctx, file);
    expect(results.map((r) => [r.file, r.status, r.unitCode, r.values])).toEqual([
      [`${file}#1`, 'imported', 'CA', 1],
      [`${file}#2`, 'needs-review', '524', 0],
    ]);
    expect((await importPath(ctx, file)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  });
});
