import path from 'node:path';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEml, fillTemplate } from '../../../tests/fixtures/replies';
import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import { isAppError } from '../../../shared/errors';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { exportRoundTemplates } from '../templates/export-templates';
import { importReply } from '../inbox/import-reply';
import { createRound } from '../rounds/create-round';
import { saveComment, saveValues } from './save-values';
import { getSubmissionSheet } from './submission-sheet';
import { changeSubmissionStatus } from './workflow';
import { createValidationRule, deleteValidationRule } from '../forms/validation-rules';
import { listHistory } from '../../../db/submissions/history-repo';
import { getValueProvenance } from './provenance';
import { draftCorrectionRequest, saveCorrectionDraft } from './correction-request';
import { setChangeFactor } from './check-settings';

let ctx: TestContext;
let roundId: number;
let formId: number;
let rows: StoredFormRow[];
let unitId: (code: string) => number;
/** The indicator of the nth row whose text starts with `start`. */
let ind: (start: string, nth?: number) => number;

beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-08T03:00:00Z'));
  const seeded = await seedDemoRound(ctx);
  roundId = seeded.round.id;
  formId = seeded.form.id;
  rows = await getFormVersionRows(ctx.db, seeded.round.formVersionId);
  const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
  unitId = (code) => units.find((u) => u.code === code)!.id;
  ind = (start, nth = 0) => rows.filter((r) => r.valueRow && r.text.startsWith(start))[nth]!.indicatorId!;
});
afterEach(async () => {
  await ctx.dispose();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const valueOf = (sheet: Awaited<ReturnType<typeof getSubmissionSheet>>, indicatorId: number) =>
  sheet.rows.find((r) => r.indicatorId === indicatorId)!.value;

describe('typing and pasting figures', () => {
  it('stores Vietnamese numbers at once, each change in the history with how it was made; an unanswered unit becomes received', async () => {
    const u = unitId('524');
    const sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: '1.250' },
        { indicatorId: ind('Số tiền phạt'), value: '12,5' },
      ],
    });
    expect(valueOf(sheet, ind('Tổng số cơ sở kinh doanh'))).toBe(1250);
    expect(valueOf(sheet, ind('Số tiền phạt'))).toBe(12.5);
    expect(sheet.status).toBe('received');
    expect(sheet.rows.find((r) => r.indicatorId === ind('Số tiền phạt'))!.origin).toBe('manual');

    await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'pasted',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: '1.300' },
        { indicatorId: ind('Số tiền phạt'), value: '12,5' },
      ],
    });
    const history = await listHistory(ctx.db, { roundId, unitId: u });
    expect(history.map((h) => [h.indicatorName.slice(0, 12), h.oldValue, h.newValue, h.how])).toEqual([
      ['Tổng số cơ s', 1250, 1300, 'pasted'],
      ['Số tiền phạt', null, 12.5, 'typed'],
      ['Tổng số cơ s', null, 1250, 'typed'],
    ]);
    expect(history).toHaveLength(3); // the unchanged 12,5 wrote nothing
  });

  it('refuses text that is not a figure, naming the row, and stores nothing of the batch', async () => {
    const u = unitId('524');
    const e = await refusal(
      saveValues(ctx, {
        roundId,
        unitId: u,
        how: 'pasted',
        changes: [
          { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: '40' },
          { indicatorId: ind('Cơ sở lưu trú'), value: 'hai mươi' },
        ],
      }),
    );
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/Cơ sở lưu trú.*"hai mươi" không phải là số/);
    const sheet = await getSubmissionSheet(ctx, roundId, u);
    expect(valueOf(sheet, ind('Tổng số cơ sở kinh doanh'))).toBeNull();
    expect(sheet.status).toBe('expected');
  });

  it('clearing a figure makes it not reported (blank, not zero), and undo puts it back', async () => {
    const u = unitId('524');
    const i = ind('Vũ trường');
    await saveValues(ctx, { roundId, unitId: u, how: 'typed', changes: [{ indicatorId: i, value: '0' }] });
    let sheet = await saveValues(ctx, { roundId, unitId: u, how: 'typed', changes: [{ indicatorId: i, value: '' }] });
    expect(valueOf(sheet, i)).toBeNull();
    sheet = await saveValues(ctx, { roundId, unitId: u, how: 'undo', changes: [{ indicatorId: i, value: 0 }] });
    expect(valueOf(sheet, i)).toBe(0);
    expect((await listHistory(ctx.db, { unitId: u })).map((h) => h.how)).toEqual(['undo', 'typed', 'typed']);
  });

  it('keeps a comment per figure, also on an approved submission', async () => {
    const u = unitId('534');
    const i = ind('Vũ trường');
    let sheet = await saveComment(ctx, { roundId, unitId: u, indicatorId: i, comment: 'Đã xác minh qua điện thoại' });
    expect(sheet.rows.find((r) => r.indicatorId === i)!.comment).toBe('Đã xác minh qua điện thoại');
    expect(valueOf(sheet, i)).toBeNull();
    await saveValues(ctx, { roundId, unitId: u, how: 'typed', changes: [{ indicatorId: i, value: 2 }] });
    await changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'approve' });
    sheet = await saveComment(ctx, { roundId, unitId: u, indicatorId: i, comment: 'Đúng' });
    expect(sheet.rows.find((r) => r.indicatorId === i)).toMatchObject({ comment: 'Đúng', value: 2 });
  });
});

describe('checks', () => {
  it('a "Trong đó" item above its total is an error explained in Vietnamese; fixing it clears the error and the status', async () => {
    const u = unitId('524');
    let sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 40 },
        { indicatorId: ind('Cơ sở lưu trú'), value: 45 },
      ],
    });
    const child = sheet.rows.find((r) => r.indicatorId === ind('Cơ sở lưu trú'))!;
    expect(child.problems).toEqual([
      {
        severity: 'error',
        message: expect.stringMatching(
          /^"Cơ sở lưu trú.*" \(45\) lớn hơn dòng tổng "Tổng số cơ sở kinh doanh.*" \(40\)/,
        ),
      },
    ]);
    expect(sheet.status).toBe('has-errors');
    sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [{ indicatorId: ind('Cơ sở lưu trú'), value: 25 }],
    });
    expect(sheet.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(sheet.status).toBe('received');
  });

  it('type and range: a negative count, a fraction of people, and the bounds the office set on an indicator', async () => {
    const u = unitId('524');
    await ctx.db.updateTable('indicator').set({ max_value: 500 }).where('id', '=', ind('Số tiền phạt')).execute();
    const sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Vũ trường'), value: '-3' },
        { indicatorId: ind('Số tiếp viên là nữ giới'), value: '2,5' },
        { indicatorId: ind('Số tiền phạt'), value: '1.200' },
      ],
    });
    const problemOf = (i: number) => sheet.rows.find((r) => r.indicatorId === i)!.problems.map((p) => p.message);
    expect(problemOf(ind('Vũ trường'))).toEqual([expect.stringContaining('số âm')]);
    expect(problemOf(ind('Số tiếp viên là nữ giới'))).toEqual([expect.stringContaining('cần số nguyên')]);
    expect(problemOf(ind('Số tiền phạt'))).toEqual([
      expect.stringContaining('1.200 lớn hơn mức cao nhất cho phép (500)'),
    ]);
  });

  it("the office's own rules: broken ones are reported with their figures and importance, skipped while a figure is missing, gone when deleted", async () => {
    const u = unitId('524');
    const rule = await createValidationRule(ctx, {
      formId,
      name: 'Người vi phạm không ít hơn người bị xử lý',
      left: { terms: [{ indicatorId: ind('Tổng số người vi phạm'), factor: 1 }], constant: 0 },
      operator: '>=',
      right: {
        terms: [
          { indicatorId: ind('Số người bị xử lý vi phạm hành chính'), factor: 1 },
          { indicatorId: ind('Số người bị xử lý hình sự'), factor: 1 },
        ],
        constant: 0,
      },
      importance: 'warning',
    });
    let sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số người vi phạm'), value: 10 },
        { indicatorId: ind('Số người bị xử lý vi phạm hành chính'), value: 8 },
      ],
    });
    expect(sheet.rows.flatMap((r) => r.problems)).toEqual([]); // "hình sự" not reported: skipped
    sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [{ indicatorId: ind('Số người bị xử lý hình sự'), value: 4 }],
    });
    expect(sheet.rows.flatMap((r) => r.problems)).toEqual([
      {
        severity: 'warning',
        message:
          'Quy tắc "Người vi phạm không ít hơn người bị xử lý": "Tổng số người vi phạm" (10) phải không nhỏ hơn "Số người bị xử lý vi phạm hành chính" + "Số người bị xử lý hình sự" (12).',
      },
    ]);
    expect(sheet.status).toBe('received'); // a warning does not block
    await deleteValidationRule(ctx, rule.id);
    expect((await getSubmissionSheet(ctx, roundId, u)).rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it('refuses a rule over an indicator of another form', async () => {
    const e = await refusal(
      createValidationRule(ctx, {
        formId,
        name: 'x',
        left: { terms: [{ indicatorId: 99_999, factor: 1 }], constant: 0 },
        operator: '>=',
        right: { terms: [], constant: 0 },
        importance: 'error',
      }),
    );
    expect(e.message).toMatch(/không thuộc biểu mẫu này/);
  });

  it('warns when a figure more than doubles or falls below half of the same period last year, as the office sets it', async () => {
    const y2024 = await createRound(ctx, {
      formId,
      period: '2024',
      cutoffDate: '2024-12-14',
      deadline: '2024-12-20',
      units: ['524'],
    });
    const y2025 = await createRound(ctx, {
      formId,
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
      units: ['524'],
    });
    const u = unitId('524');
    await saveValues(ctx, {
      roundId: y2024.id,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Vũ trường'), value: 4 },
        { indicatorId: ind('Cơ sở lưu trú'), value: 40 },
        { indicatorId: ind('Số tiền phạt'), value: 10 },
      ],
    });
    const sheet = await saveValues(ctx, {
      roundId: y2025.id,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Vũ trường'), value: 9 },
        { indicatorId: ind('Cơ sở lưu trú'), value: 19 },
        { indicatorId: ind('Số tiền phạt'), value: 15 },
      ],
    });
    expect(sheet.previousPeriod).toBe('2024');
    expect(sheet.rows.find((r) => r.indicatorId === ind('Vũ trường'))).toMatchObject({
      previous: 4,
      problems: [{ severity: 'warning', message: expect.stringContaining('tăng 2,3 lần so với kỳ trước (4 → 9)') }],
    });
    expect(sheet.rows.find((r) => r.indicatorId === ind('Cơ sở lưu trú'))!.problems[0]!.message).toContain(
      'giảm còn 47,5% so với kỳ trước (40 → 19)',
    );
    expect(sheet.rows.find((r) => r.indicatorId === ind('Số tiền phạt'))!.problems).toEqual([]);
    await setChangeFactor(ctx.db, 3);
    const relaxed = await saveValues(ctx, {
      roundId: y2025.id,
      unitId: u,
      how: 'typed',
      changes: [{ indicatorId: ind('Số tiền phạt'), value: 16 }],
    });
    expect(relaxed.rows.flatMap((r) => r.problems)).toEqual([]);
  });
});

describe('workflow', () => {
  it('received → checked → approved locks; edits are refused; unlocking needs a reason, which is kept', async () => {
    const u = unitId('524');
    await saveValues(ctx, { roundId, unitId: u, how: 'typed', changes: [{ indicatorId: ind('Vũ trường'), value: 3 }] });
    await changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'check' });
    let sheet = await changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'approve' });
    expect(sheet).toMatchObject({ status: 'approved', locked: true });

    const locked = await refusal(
      saveValues(ctx, { roundId, unitId: u, how: 'typed', changes: [{ indicatorId: ind('Vũ trường'), value: 4 }] }),
    );
    expect(locked.message).toMatch(/đã được duyệt và khóa/);
    expect(valueOf(await getSubmissionSheet(ctx, roundId, u), ind('Vũ trường'))).toBe(3);

    expect(
      (await refusal(changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'unlock', reason: '  ' }))).message,
    ).toMatch(/lý do mở khóa/);
    sheet = await changeSubmissionStatus(ctx, {
      roundId,
      unitId: u,
      action: 'unlock',
      reason: 'Đơn vị gửi số liệu điều chỉnh',
    });
    expect(sheet).toMatchObject({ status: 'checked', locked: false });
    expect(sheet.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['check', 'received', 'checked', null],
      ['approve', 'checked', 'approved', null],
      ['unlock', 'approved', 'checked', 'Đơn vị gửi số liệu điều chỉnh'],
    ]);
    sheet = await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [{ indicatorId: ind('Vũ trường'), value: 4 }],
    });
    expect(valueOf(sheet, ind('Vũ trường'))).toBe(4);
  });

  it('refuses to approve while errors remain, and any step for a unit that has not answered', async () => {
    const u = unitId('524');
    expect((await refusal(changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'check' }))).message).toMatch(
      /chưa gửi báo cáo/,
    );
    await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 1 },
        { indicatorId: ind('Vũ trường'), value: 3 },
      ],
    });
    expect((await refusal(changeSubmissionStatus(ctx, { roundId, unitId: u, action: 'approve' }))).message).toMatch(
      /còn 1 lỗi/,
    );
    const returned = await changeSubmissionStatus(ctx, {
      roundId,
      unitId: u,
      action: 'return',
      reason: 'Đề nghị sửa dòng Vũ trường',
    });
    expect(returned.status).toBe('returned');
  });

  it('a new reply after the office returned the report is received again and re-checked', async () => {
    const templates = await exportRoundTemplates(ctx, roundId, path.join(ctx.database.dir, 'mau'));
    const file = templates.files.find((f) => f.unitCode === '524')!;
    const keyOf = (start: string) => rows.find((r) => r.text.startsWith(start))!.rowKey;
    const send = async (n: number, values: Record<string, number>) => {
      const p = path.join(ctx.database.dir, `r${n}.eml`);
      fs.writeFileSync(
        p,
        await buildEml({
          from: 'a@b.vn',
          subject: 'Báo cáo',
          messageId: `<r${n}@b.vn>`,
          attachments: [{ filename: 'bao-cao.xlsx', content: await fillTemplate(file.workbook, values) }],
        }),
      );
      return importReply(ctx, p);
    };
    const first = await send(1, { [keyOf('Tổng số cơ sở kinh doanh')]: 10, [keyOf('Vũ trường')]: 12 });
    expect(first.errors).toEqual([expect.stringMatching(/"Vũ trường" \(12\) lớn hơn dòng tổng/)]);
    await changeSubmissionStatus(ctx, { roundId, unitId: unitId('524'), action: 'return' });
    await send(2, { [keyOf('Tổng số cơ sở kinh doanh')]: 10, [keyOf('Vũ trường')]: 2 });
    const sheet = await getSubmissionSheet(ctx, roundId, unitId('524'));
    expect(sheet.status).toBe('received');
    expect(sheet.rows.flatMap((r) => r.problems)).toEqual([]);

    // The figure's provenance: the message, the file, the sheet and cell, and both revisions in the history.
    const prov = await getValueProvenance(ctx, { roundId, unitId: unitId('524'), indicatorId: ind('Vũ trường') });
    expect(prov.source).toMatchObject({
      fileName: 'bao-cao.xlsx',
      revision: 2,
      cell: expect.stringMatching(/^[A-Z]+\d+$/),
      message: { from: 'a@b.vn', subject: 'Báo cáo' },
    });
    expect(prov.history.map((h) => [h.oldValue, h.newValue, h.how, h.fileName])).toEqual([
      [12, 2, 'import', 'bao-cao.xlsx'],
      [null, 12, 'import', 'bao-cao.xlsx'],
    ]);
  });
});

describe('correction request', () => {
  it('lists the errors then the warnings with their figures, addressed to the unit; the .eml draft carries it', async () => {
    const u = unitId('524');
    await ctx.db.insertInto('org_unit_email').values({ unit_id: u, email: 'vanphong@binhson.gov.vn' }).execute();
    await saveValues(ctx, {
      roundId,
      unitId: u,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 10 },
        { indicatorId: ind('Vũ trường'), value: 12 },
      ],
    });
    const request = await draftCorrectionRequest(ctx, roundId, u);
    expect(request.to).toContain('vanphong@binhson.gov.vn');
    expect(request.text).toMatch(/^Kính gửi: Huyện Bình Sơn\./);
    expect(request.text).toMatch(/Số liệu cần sửa:\n1\. "Vũ trường" \(12\) lớn hơn dòng tổng/);
    const saved = await saveCorrectionDraft(ctx, roundId, u);
    const eml = fs.readFileSync(saved!, 'utf8');
    expect(eml).toMatch(/^X-Unsent: 1/m);
    expect(eml).toMatch(/vanphong@binhson\.gov\.vn/);
  });
});

describe('history view', () => {
  it('filters by unit, indicator words without diacritics and date, and exports to Excel with text never a formula', async () => {
    const { exportHistory } = await import('./export-history');
    const ExcelJS = (await import('exceljs')).default;
    await saveValues(ctx, {
      roundId,
      unitId: unitId('524'),
      how: 'typed',
      changes: [
        { indicatorId: ind('Vũ trường'), value: 1 },
        { indicatorId: ind('Cơ sở lưu trú'), value: 2 },
      ],
    });
    await saveValues(ctx, {
      roundId,
      unitId: unitId('534'),
      how: 'typed',
      changes: [{ indicatorId: ind('Vũ trường'), value: 5 }],
      reason: '=HYPERLINK("http://x","bấm")',
    });
    expect(await listHistory(ctx.db, { unitId: unitId('524') })).toHaveLength(2);
    expect((await listHistory(ctx.db, { indicatorQuery: 'vu truong' })).map((h) => h.unitName)).toEqual([
      'Thị xã Đức Phổ',
      'Huyện Bình Sơn',
    ]);
    expect(await listHistory(ctx.db, { from: '2020-07-09' })).toHaveLength(0);
    expect(await listHistory(ctx.db, { from: '2020-07-08', to: '2020-07-08' })).toHaveLength(3);
    // A change at 23:30 UTC is already the next day in Vietnam.
    const late = await ctx.db.selectFrom('value_history').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('value_history')
      .set({ changed_at: '2020-07-08T23:30:00.000Z' })
      .where('id', '=', late.id)
      .execute();
    expect(await listHistory(ctx.db, { from: '2020-07-09', to: '2020-07-09' })).toHaveLength(1);
    expect(await listHistory(ctx.db, { to: '2020-07-08' })).toHaveLength(2);
    await ctx.db
      .updateTable('value_history')
      .set({ changed_at: '2020-07-08T03:00:00.000Z' })
      .where('id', '=', late.id)
      .execute();

    const saved = await exportHistory(ctx, { indicatorQuery: 'vu truong' });
    expect(saved!.entries).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved!.path);
    const ws = wb.getWorksheet('Lịch sử')!;
    expect(ws.getRow(3).values).toContain('Giá trị mới');
    const first = ws.getRow(4);
    expect([first.getCell(3).value, first.getCell(6).value, first.getCell(7).value]).toEqual([
      'Thị xã Đức Phổ',
      5,
      'Nhập tay',
    ]);
    expect(first.getCell(9).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(9).value).toBe('=HYPERLINK("http://x","bấm")');
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });
});
