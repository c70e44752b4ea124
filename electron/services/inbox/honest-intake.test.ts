import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEml, fillTemplate, withEditedIdentity } from '../../../tests/fixtures/replies';
import { getFormVersionRows } from '../../../db/forms/repo';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { listRoundValues } from '../rounds/round-values';
import { importReply } from './import-reply';

/**
 * Duplicates that are honest and identities that are checked: a copy cut short never blocks its
 * complete copy; the same Message-ID in other bytes is never silently a duplicate; a template's
 * hidden identity is signed, and who it names is checked against who sent it.
 */
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-04T03:00:00Z'));
});
afterEach(async () => {
  await ctx.dispose();
});

const write = (name: string, bytes: Buffer) => {
  const p = path.join(ctx.database.dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const count = async (t: 'email_message' | 'submission_revision' | 'stored_file') =>
  Number(
    (
      await ctx.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function setup() {
  const { round } = await seedDemoRound(ctx);
  const rows = await getFormVersionRows(ctx.db, round.formVersionId);
  const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
  const key = rows.find((r) => r.text.startsWith('Tổng số cơ sở kinh doanh'))!.rowKey;
  const filled = (code: string, value: number) =>
    fillTemplate(templates.files.find((f) => f.unitCode === code)!.workbook, { [key]: value });
  const figure = async (code: string) =>
    (await listRoundValues(ctx, round.id)).find(
      (v) => v.unitCode === code && v.text.startsWith('Tổng số cơ sở kinh doanh'),
    )?.value ?? null;
  return { round, filled, figure };
}

const fromBinhSon = {
  from: 'vpubnd.binhson@quangngai.gov.vn',
  subject: 'Báo cáo tổng kết',
  messageId: '<bc-524@binhson>',
};

describe('a copy cut short and its complete copy (same Message-ID)', () => {
  it('cut first: refused as cut short, storing nothing; the complete copy then imports', async () => {
    const { filled, figure } = await setup();
    const full = await buildEml({
      ...fromBinhSon,
      attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }],
    });
    const cut = await importReply(ctx, write('cut.eml', full.subarray(0, Math.floor(full.length * 0.7))));
    expect(cut).toMatchObject({ status: 'rejected', values: 0, errors: [expect.stringMatching(/^Thư bị cắt cụt/)] });
    expect(await count('email_message')).toBe(0);
    const whole = await importReply(ctx, write('full.eml', full));
    expect(whole).toMatchObject({ status: 'imported', unitCode: '524' });
    expect(await figure('524')).toBe(40);
  });

  it('complete first: the cut copy arriving later is refused as cut short, not as a duplicate, and changes nothing', async () => {
    const { filled, figure } = await setup();
    const full = await buildEml({
      ...fromBinhSon,
      attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }],
    });
    expect(await importReply(ctx, write('full.eml', full))).toMatchObject({ status: 'imported' });
    const files = await count('stored_file');
    const cut = await importReply(ctx, write('cut.eml', full.subarray(0, Math.floor(full.length * 0.7))));
    expect(cut).toMatchObject({ status: 'rejected', errors: [expect.stringMatching(/^Thư bị cắt cụt/)] });
    expect(await count('stored_file')).toBe(files);
    expect(await figure('524')).toBe(40);
  });
});

describe('the same Message-ID in other bytes', () => {
  it('a first copy without its attachment is replaced by the fuller copy, with a warning saying what differed', async () => {
    const { filled, figure } = await setup();
    const bare = await importReply(ctx, write('bare.eml', await buildEml({ ...fromBinhSon })));
    expect(bare).toMatchObject({
      status: 'needs-review',
      warnings: expect.arrayContaining(['Thư không có tệp đính kèm.']),
    });
    const fuller = await importReply(
      ctx,
      write(
        'fuller.eml',
        await buildEml({ ...fromBinhSon, attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }] }),
      ),
    );
    expect(fuller).toMatchObject({ status: 'imported', unitCode: '524' });
    expect(fuller.warnings[0]).toMatch(
      /^Thư này có cùng mã thư \(Message-ID\) với thư đã nhận ngày 04\/07\/2020 nhưng nội dung khác: bản trước có 0 tệp đính kèm, bản này có 1 \(mới: "bc\.xlsx"\)\. Bản này đầy đủ hơn nên được nhập thay cho bản trước\./,
    );
    expect(await count('email_message')).toBe(1);
    expect(await figure('524')).toBe(40);
  });

  it('the same attachments under other headers: a duplicate, saying so', async () => {
    const { filled } = await setup();
    const content = await filled('524', 40);
    await importReply(
      ctx,
      write('a.eml', await buildEml({ ...fromBinhSon, attachments: [{ filename: 'bc.xlsx', content }] })),
    );
    const again = await importReply(
      ctx,
      write(
        'b.eml',
        await buildEml({
          ...fromBinhSon,
          subject: 'Fwd: Báo cáo tổng kết',
          attachments: [{ filename: 'bc.xlsx', content }],
        }),
      ),
    );
    expect(again).toMatchObject({
      status: 'duplicate',
      warnings: [expect.stringMatching(/cùng mã thư Message-ID.*các tệp đính kèm giống hệt bản đã nhập/)],
    });
    expect(await count('submission_revision')).toBe(1);
  });

  it('other figures under the same Message-ID: stored as a new revision, with the warning', async () => {
    const { filled, figure } = await setup();
    await importReply(
      ctx,
      write(
        'a.eml',
        await buildEml({ ...fromBinhSon, attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }] }),
      ),
    );
    const other = await importReply(
      ctx,
      write(
        'b.eml',
        await buildEml({
          ...fromBinhSon,
          attachments: [{ filename: 'bc-sua.xlsx', content: await filled('524', 41) }],
        }),
      ),
    );
    expect(other).toMatchObject({
      status: 'imported',
      warnings: expect.arrayContaining([expect.stringMatching(/được ghi thành một lần cập nhật mới/)]),
    });
    expect(await count('submission_revision')).toBe(2);
    expect(await figure('524')).toBe(41);
  });
});

describe("a template's identity", () => {
  it('edited in the hidden sheet to report as another unit: detected by its signature, nothing stored', async () => {
    const { filled, figure } = await setup();
    const edited = await withEditedIdentity(await filled('524', 40), 'unitCode', '534');
    const r = await importReply(
      ctx,
      write(
        'sua.eml',
        await buildEml({
          from: 'vpubnd.ducpho@quangngai.gov.vn',
          subject: 'Báo cáo',
          attachments: [{ filename: 'bc.xlsx', content: edited }],
        }),
      ),
    );
    expect(r).toMatchObject({ status: 'needs-review', unitCode: null, values: 0 });
    expect(r.warnings).toContain(
      'Thông tin nhận dạng ẩn trong biểu mẫu đã bị sửa (ghi mã đơn vị "534", đợt số 1), không khớp chữ ký của văn phòng; chưa ghi số liệu, cần xem lại và chọn đơn vị.',
    );
    expect(await figure('534')).toBeNull();
    expect(await figure('524')).toBeNull();
  });

  it("one unit's template from another unit's known address: held for review, naming both", async () => {
    const { filled, figure } = await setup();
    const r = await importReply(
      ctx,
      write(
        'khac.eml',
        await buildEml({
          from: 'vpubnd.ducpho@quangngai.gov.vn',
          subject: 'Báo cáo',
          attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }],
        }),
      ),
    );
    expect(r).toMatchObject({ status: 'needs-review', unitCode: null, values: 0 });
    expect(r.warnings).toContain(
      'Biểu mẫu ghi đơn vị Huyện Bình Sơn nhưng thư gửi từ vpubnd.ducpho@quangngai.gov.vn, địa chỉ của Thị xã Đức Phổ; chưa ghi số liệu, cần xem lại và chọn đơn vị.',
    );
    expect(await figure('524')).toBeNull();
  });

  it('from its own unit: imported without a word about the sender', async () => {
    const { filled, figure } = await setup();
    const r = await importReply(
      ctx,
      write(
        'dung.eml',
        await buildEml({ ...fromBinhSon, attachments: [{ filename: 'bc.xlsx', content: await filled('524', 40) }] }),
      ),
    );
    expect(r).toMatchObject({ status: 'imported', unitCode: '524', warnings: [] });
    expect(await figure('524')).toBe(40);
  });
});
