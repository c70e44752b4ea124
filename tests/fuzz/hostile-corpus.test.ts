import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../electron/testing/service-context';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { importPath } from '../../electron/services/inbox/import-path';
import { englishIn } from '../support/english-words';
import { openOriginal, viewFolder } from '../../electron/services/files/open-original';

/**
 * The corpus of hostile files (tests/fixtures/hostile, made by make-hostile-corpus.ts): each is
 * imported as the office would import it, and is refused with a Vietnamese reason or read within
 * bounds; a refusal stores nothing, and the database passes its full check after all of them.
 */
const corpus = path.resolve('tests/fixtures/hostile');
/** Every file is read or refused within this, the 200 MB zip bomb included. */
const FILE_MS = 5_000;

const expected: Record<string, { status: 'rejected' | 'needs-review'; says: RegExp }> = {
  'zip-bom-mot-tep.zip': { status: 'rejected', says: /giải nén ra quá lớn \(giới hạn 30 MB mỗi tệp, 100 MB tất cả\)/ },
  'zip-long-nhau.zip': { status: 'rejected', says: /Không mở tệp nén "lop-2\.zip" nằm trong "zip-long-nhau\.zip"/ },
  'bang-tinh-phinh-to.xlsx': {
    status: 'rejected',
    says: /quá lớn khi giải nén \(giới hạn 25 MB mỗi phần, 50 MB tất cả\); không đọc/,
  },
  'word-thuc-the-long-nhau.docx': { status: 'rejected', says: /khai báo DOCTYPE\/ENTITY không hợp lệ/ },
  'gia-la-excel.xlsx': { status: 'rejected', says: /không phải bảng tính Excel/ },
  // Read, bounded to the sheet's real rows: its two rows are not the form's, so it waits for review.
  'bang-tinh-kich-thuoc-vo-ly.xlsx': {
    status: 'needs-review',
    says: /Dòng "Số lượt kiểm tra" không khớp dòng nào của biểu mẫu/,
  },
  // Refused as cut short, keeping nothing, so that its complete copy (same Message-ID) is not blocked as a duplicate.
  'thu-bi-cat-ngang.eml': { status: 'rejected', says: /Thư bị cắt cụt: "thu-bi-cat-ngang\.eml" thiếu phần cuối/ },
  // Its looping directory no longer matters: the message and its workbook are read.
  'thu-outlook-vong-lap.msg': { status: 'needs-review', says: /Dòng "Số lượt kiểm tra" không khớp/ },
  'ten-tep-dinh-kem-nguy-hiem.eml': {
    status: 'needs-review',
    says: /Bỏ qua tệp "chay-ngay\.exe": không phải tệp số liệu/,
  },
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(new Date('2020-07-03T03:00:00Z'));
  await seedDemoRound(ctx);
});
afterAll(async () => {
  await ctx.dispose();
});

const storedFiles = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('stored_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the corpus of hostile files', () => {
  it('holds every file the expectations name, and nothing unexpected', () => {
    expect(
      fs
        .readdirSync(corpus)
        .filter((f) => !f.endsWith('.ts'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s: %s', async (name, want) => {
    const before = await storedFiles();
    const t0 = performance.now();
    const results = await importPath(ctx, path.join(corpus, name));
    expect(performance.now() - t0).toBeLessThan(FILE_MS);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r).toMatchObject({ status: want.status, values: 0 });
    expect([...r!.errors, ...r!.warnings].join('\n')).toMatch(want.says);
    for (const said of [...r!.errors, ...r!.warnings]) expect(englishIn(said), said).toBeNull();
    // A refusal keeps nothing; a message kept for review keeps its original once.
    if (want.status === 'rejected') expect(await storedFiles()).toBe(before);
    else expect(await storedFiles()).toBeGreaterThan(before);
    // The same file again changes nothing.
    const after = await storedFiles();
    const again = await importPath(ctx, path.join(corpus, name));
    expect(again[0]!.status).toBe(want.status === 'rejected' ? 'rejected' : 'duplicate');
    expect(await storedFiles()).toBe(after);
  });

  it('leaves a database that passes the full check', async () => {
    expect(await ctx.checkDatabase(true)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('attachments named like paths, devices and programs', () => {
  it('opens only documents, as read-only copies named by the app inside its viewing folder', async () => {
    const attachments = await ctx.db
      .selectFrom('email_attachment as a')
      .innerJoin('email_message as m', 'm.id', 'a.message_id')
      .select(['a.file_id', 'a.file_name'])
      .where('m.message_id', '=', '<ten-nguy-hiem@example.invalid>')
      .execute();
    expect(attachments.map((a) => a.file_name).sort()).toEqual(
      [
        '../../thoat-ra-ngoai.xlsx',
        '/etc/passwd',
        'AUX',
        'C:\\Windows\\System32\\CON.xlsx',
        'bao-cao.xlsm',
        'chay-ngay.exe',
      ].sort(),
    );
    const folder = viewFolder(ctx);
    const opened: Record<string, string> = {};
    for (const a of attachments) {
      try {
        opened[a.file_name] = path.relative(folder, await openOriginal(ctx, a.file_id));
      } catch (e) {
        opened[a.file_name] = `refused: ${(e as Error).message}`;
      }
    }
    const id = (name: string) => attachments.find((a) => a.file_name === name)!.file_id;
    expect(opened).toEqual({
      '../../thoat-ra-ngoai.xlsx': `${id('../../thoat-ra-ngoai.xlsx')}-thoat-ra-ngoai.xlsx`,
      'C:\\Windows\\System32\\CON.xlsx': `${id('C:\\Windows\\System32\\CON.xlsx')}-tep-con.xlsx`,
      '/etc/passwd': expect.stringMatching(
        /^refused: Không mở tệp "passwd" bằng chương trình khác: loại tệp "không có đuôi" có thể chạy mã lệnh/,
      ),
      AUX: expect.stringMatching(/^refused: Không mở tệp "AUX"/),
      'chay-ngay.exe': expect.stringMatching(
        /^refused: Không mở tệp "chay-ngay\.exe" bằng chương trình khác: loại tệp "\.exe"/,
      ),
      'bao-cao.xlsm': expect.stringMatching(/^refused: Không mở tệp "bao-cao\.xlsm"/),
    });
    // Only the two workbooks reached the system's program, each read-only, byte for byte the attachment.
    expect(ctx.platform.opened.map((p) => path.basename(p)).sort()).toEqual(
      Object.values(opened)
        .filter((v) => !v.startsWith('refused'))
        .sort(),
    );
    for (const p of ctx.platform.opened) {
      expect(path.dirname(p)).toBe(folder);
      expect(fs.statSync(p).mode & 0o222).toBe(0);
    }
    expect(fs.existsSync(path.resolve(folder, '../../thoat-ra-ngoai.xlsx'))).toBe(false);
    // Opening again replaces the read-only copy.
    await openOriginal(ctx, id('../../thoat-ra-ngoai.xlsx'));
    expect(fs.readdirSync(folder)).toHaveLength(2);
  });
});

describe('the check for English in what the user reads', () => {
  it('catches a library’s own words and lets Vietnamese with file names and quoted text through', () => {
    expect(
      englishIn('Không đọc được tệp "bc.xlsx": tệp bị hỏng (Cannot read properties of undefined (reading \'0\')).'),
    ).toBe('Cannot');
    expect(
      englishIn('Không đọc được văn bản Word cũ "a.doc": tệp bị hỏng (Header Signature: Expected D0CF11E0).'),
    ).toBe('Header');
    expect(
      englishIn('Tệp "bao-cao.xlsx" quá lớn khi giải nén (giới hạn 25 MB mỗi phần, 50 MB tất cả); không đọc.'),
    ).toBeNull();
    expect(
      englishIn('Thư này có cùng mã thư (Message-ID) với thư đã nhận ngày 04/07/2020; tệp "the end of file.xlsx".'),
    ).toBeNull();
    expect(englishIn('Không nhận ra đơn vị gửi (nguoi.la@example.invalid); cần chọn đơn vị.')).toBeNull();
  });
});
