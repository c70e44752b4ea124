import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEml, fillTemplate } from '../fixtures/replies';
import { getFormVersionRows } from '../../db/forms/repo';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { exportRoundTemplates } from '../../electron/services/templates/export-templates';
import { importReply } from '../../electron/services/inbox/import-reply';
import { getSubmissionSheet } from '../../electron/services/submissions/submission-sheet';
import { useAppInChromium } from './harness';

const chromiumApp = useAppInChromium();

describe('checking and entering figures', () => {
  it('types, pastes a block, sees a "Trong đó" error, undoes, approves, is refused on a locked figure, unlocks with a reason, reloads; opens a matrix cell’s provenance', async () => {
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
    const binhSon = units.find((u) => u.code === '524')!.id;
    const ducPho = units.find((u) => u.code === '534')!.id;

    // Đức Phổ replied by e-mail with our template.
    const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const keyOf = (start: string) => rows.find((r) => r.text.startsWith(start))!.rowKey;
    const workbook = await fillTemplate(templates.files.find((f) => f.unitCode === '534')!.workbook, {
      [keyOf('Tổng số cơ sở kinh doanh')]: 30,
    });
    const eml = path.join(ctx.database.dir, 'duc-pho.eml');
    fs.writeFileSync(
      eml,
      await buildEml({
        from: 'vpubnd.ducpho@quangngai.gov.vn',
        subject: 'Báo cáo tổng kết',
        messageId: '<dp1@ducpho.gov.vn>',
        attachments: [{ filename: 'BC Đức Phổ.xlsx', content: workbook }],
      }),
    );
    expect((await importReply(ctx, eml)).status).toBe('imported');

    // Bình Sơn's report came on paper: open its sheet from the board.
    await page.reload();
    await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).first().click();
    const sheet = page.getByRole('region', { name: 'Số liệu của Huyện Bình Sơn' });
    const valueCell = (start: string) =>
      sheet.locator('.ag-row', { hasText: start }).first().locator('.ag-cell[col-id="value"]');
    await expect.poll(() => valueCell('Tổng số cơ sở kinh doanh').count()).toBe(1);

    // Keyboard entry: typing replaces, Enter stores and moves down.
    await valueCell('Tổng số cơ sở kinh doanh').click();
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await expect.poll(() => valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('40');
    await valueCell('Số tiếp viên làm việc').click();
    await page.keyboard.type('1.250');
    await page.keyboard.press('Tab');
    await expect.poll(() => valueCell('Số tiếp viên làm việc').textContent()).toBe('1.250');
    await expect
      .poll(
        async () =>
          (await getSubmissionSheet(ctx, round.id, binhSon)).rows.find((r) =>
            r.text.startsWith('Số tiếp viên làm việc'),
          )!.value,
      )
      .toBe(1250);

    // Paste a 5×1 block copied as text from Excel, starting at "Cơ sở lưu trú".
    // Copy as a user would (select text, Ctrl+C), then paste with Ctrl+V on the focused cell.
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'copy-source';
      area.value = '45\r\n3\r\n2\r\n1\r\n6\r\n';
      document.body.append(area);
    });
    await page.locator('#copy-source').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+c');
    await page.evaluate(() => document.getElementById('copy-source')!.remove());
    await valueCell('Cơ sở lưu trú').click();
    await page.keyboard.press('ControlOrMeta+v');
    await expect.poll(() => valueCell('Số cơ sở đã ký cam kết').textContent()).toBe('6');
    expect(await valueCell('Cơ sở lưu trú').textContent()).toBe('45');
    const problems = page.getByTestId('problems');
    await expect
      .poll(() => problems.textContent())
      .toMatch(/"Cơ sở lưu trú.*" \(45\) lớn hơn dòng tổng "Tổng số cơ sở kinh doanh.*" \(40\)/);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toMatch(/^Có lỗi/);
    await app.screenshot('30-submission-error');

    // Undo the paste as one step: the five figures are blank again, and the error is gone.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => valueCell('Cơ sở lưu trú').textContent()).toBe('');
    expect(await valueCell('Số cơ sở đã ký cam kết').textContent()).toBe('');
    await expect.poll(() => problems.count()).toBe(0);
    expect(await page.getByText('Không phát hiện lỗi.').count()).toBe(1);
    expect(await valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('40');

    // Approve; a locked figure cannot be changed.
    await page.getByRole('button', { name: 'Duyệt và khóa' }).click();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toMatch(/^Đã duyệt/);
    await valueCell('Tổng số cơ sở kinh doanh').click();
    await page.keyboard.type('41');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('đã được duyệt và khóa');
    await page.keyboard.press('Delete');
    expect(await valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('40');
    expect(
      (await getSubmissionSheet(ctx, round.id, binhSon)).rows.find((r) =>
        r.text.startsWith('Tổng số cơ sở kinh doanh'),
      )!.value,
    ).toBe(40);
    await app.screenshot('31-submission-locked');

    // Unlock with a reason, which the log keeps.
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await page.getByRole('textbox', { name: 'Lý do mở khóa' }).fill('Huyện gửi số liệu điều chỉnh');
    await page.getByRole('button', { name: 'Xác nhận: Mở khóa' }).click();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toMatch(/^Đã kiểm tra/);
    await valueCell('Vũ trường').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => valueCell('Vũ trường').textContent()).toBe('2');

    // Reload: the same place, everything as stored.
    await page.reload();
    await expect.poll(() => valueCell('Vũ trường').textContent()).toBe('2');
    expect(await valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('40');
    expect(await page.getByTestId('submission-status').textContent()).toMatch(/^Đã kiểm tra/);
    expect(await page.getByTestId('events').textContent()).toContain(
      'Mở khóa (Đã duyệt → Đã kiểm tra) — Huyện gửi số liệu điều chỉnh',
    );
    await app.screenshot('32-submission-reloaded');

    // The matrix: Bình Sơn typed, Đức Phổ imported; the total by rule; a cell's provenance.
    await page.getByRole('button', { name: '← Danh sách đơn vị' }).click();
    await page.getByRole('link', { name: 'Bảng tổng hợp' }).click();
    const matrix = page.getByTestId('matrix');
    await expect.poll(() => matrix.locator(`.ag-cell[col-id="u${ducPho}"]`).count()).toBeGreaterThan(0);
    const rowIndex = await matrix
      .locator('.ag-row', { hasText: 'Tổng số cơ sở kinh doanh' })
      .first()
      .getAttribute('row-index');
    const cellAt = (col: string) => matrix.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${col}"]`);
    await expect.poll(() => cellAt('total').textContent()).toBe('70');
    expect(await cellAt(`u${binhSon}`).textContent()).toBe('40');
    await cellAt(`u${ducPho}`).click();
    const provenance = page.getByRole('complementary', { name: 'Nguồn gốc số liệu' });
    await expect.poll(() => provenance.getByTestId('provenance-source').textContent()).toContain('BC Đức Phổ.xlsx');
    expect(await provenance.getByTestId('provenance-source').textContent()).toContain(
      'Báo cáo tổng kết — vpubnd.ducpho@quangngai.gov.vn',
    );
    expect(await provenance.getByTestId('provenance-history').textContent()).toMatch(
      /\(trống\) → 30 \(Nhập từ tệp, BC Đức Phổ\.xlsx\)/,
    );
    await app.screenshot('33-matrix-provenance');
    await cellAt(`u${binhSon}`).click();
    await expect.poll(() => provenance.getByTestId('provenance-source').textContent()).toBe('Nhập tay (không từ tệp).');

    // The audit log of the round.
    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
    await page.getByRole('searchbox', { name: 'Lọc theo chỉ tiêu' }).fill('co so luu tru');
    await expect.poll(() => page.locator('.ag-row').count()).toBe(2); // pasted, then undone
    await app.screenshot('34-history');
  });
});

describe('the office’s rules and what was sent upward', () => {
  it('adds a rule on the form, sees it broken in a unit’s figures, freezes the round and sees later changes against what was sent', async () => {
    const app = await chromiumApp.open({ hash: '#/forms', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    const units = await ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
    const binhSon = units.find((u) => u.code === '524')!.id;
    await page.reload();

    const rules = page.getByRole('group', { name: 'Quy tắc kiểm tra' });
    await page.getByText('Quy tắc kiểm tra số liệu').click();
    await page.getByRole('textbox', { name: 'Tên quy tắc' }).fill('Cam kết không quá số cơ sở');
    const pick = async (side: string, start: string) => {
      const select = page.getByLabel(`${side}: thêm chỉ tiêu`);
      const label = (await select.locator('option').allTextContents()).find((o) => o.includes(start))!;
      await select.selectOption({ label });
    };
    await pick('Vế trái', 'Số cơ sở đã ký cam kết');
    await page.getByLabel('Phép so sánh').selectOption({ label: 'không lớn hơn' });
    await pick('Vế phải', 'Tổng số cơ sở kinh doanh');
    await page.getByLabel('Mức độ').selectOption('warning');
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await expect
      .poll(() => page.getByTestId('rules').textContent())
      .toMatch(
        /Cam kết không quá số cơ sở \(cảnh báo\): "Số cơ sở đã ký cam kết.*" không lớn hơn "Tổng số cơ sở kinh doanh/,
      );
    void rules;
    await app.screenshot('35-form-rules');

    // Bình Sơn's figures break it: a warning, explained.
    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/unit/${binhSon}`));
    const sheet = page.getByRole('region', { name: 'Số liệu của Huyện Bình Sơn' });
    const valueCell = (start: string) =>
      sheet.locator('.ag-row', { hasText: start }).first().locator('.ag-cell[col-id="value"]');
    await valueCell('Tổng số cơ sở kinh doanh').click();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('10');
    await valueCell('Số cơ sở đã ký cam kết').click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('problems').textContent())
      .toMatch(/⚠ Quy tắc "Cam kết không quá số cơ sở": .*\(12\) phải không lớn hơn .*\(10\)/);

    // Freeze what is sent upward, then correct a figure: the sent total stays, the change shows.
    await page.getByRole('button', { name: '← Danh sách đơn vị' }).click();
    await page.getByRole('link', { name: 'Bảng tổng hợp' }).click();
    await page.getByRole('button', { name: 'Chốt số liệu gửi cấp trên…' }).click();
    await page
      .getByRole('textbox', { name: 'Gửi theo văn bản (số, ngày, nơi nhận)' })
      .fill('Báo cáo số 12/BC-UBND gửi Bộ LĐTBXH');
    await page.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('last-snapshot').textContent())
      .toContain('Báo cáo số 12/BC-UBND gửi Bộ LĐTBXH');
    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/unit/${binhSon}`));
    await valueCell('Tổng số cơ sở kinh doanh').click();
    await page.keyboard.type('14');
    await page.keyboard.press('Enter');
    await expect.poll(() => valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('14');
    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/matrix`));
    const matrix = page.getByTestId('matrix');
    await expect
      .poll(() => matrix.locator('.ag-row', { hasText: 'Tổng số cơ sở kinh doanh' }).count())
      .toBeGreaterThan(0);
    const rowIndex = await matrix
      .locator('.ag-row', { hasText: 'Tổng số cơ sở kinh doanh' })
      .first()
      .getAttribute('row-index');
    const cellAt = (col: string) => matrix.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${col}"]`);
    await expect.poll(() => cellAt('total').textContent()).toBe('14');
    expect(await cellAt('sent').textContent()).toBe('10');
    expect(await cellAt('sent').getAttribute('class')).toContain('cell-changed');
    await app.screenshot('36-matrix-sent');
  });
});

describe('period comparison', () => {
  it('shows the province’s figures across years with the change, and links an indicator of a new form to the old one', async () => {
    const { createRound } = await import('../../electron/services/rounds/create-round');
    const { saveValues } = await import('../../electron/services/submissions/save-values');
    const { saveNewForm } = await import('../../electron/services/forms/import-form');
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2025-12-22T02:00:00Z') });
    const { page, ctx } = app;
    const { form } = await seedDemoRound(ctx);
    const rows = await getFormVersionRows(
      ctx.db,
      (await ctx.db.selectFrom('form_version').select('id').where('form_id', '=', form.id).executeTakeFirstOrThrow())
        .id,
    );
    const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const unit = (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '534').executeTakeFirstOrThrow())
      .id;
    const r24 = await createRound(ctx, {
      formId: form.id,
      period: '2024',
      cutoffDate: '2024-12-14',
      deadline: '2024-12-20',
      units: ['534'],
    });
    await saveValues(ctx, {
      roundId: r24.id,
      unitId: unit,
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số cơ sở kinh doanh'), value: 40 },
        { indicatorId: ind('Vũ trường'), value: 4 },
      ],
    });
    // 2025 uses a new form whose first row was renamed: it must be linked by hand.
    const newRows = rows.map((r) => ({
      ...r,
      notes: [],
      text: r.text.startsWith('Tổng số cơ sở kinh doanh') ? 'Tổng số cơ sở kinh doanh dịch vụ nhạy cảm' : r.text,
    }));
    const form25 = await saveNewForm(ctx, { name: 'Biểu mẫu 2025', rows: newRows });
    const ind25 = (start: string) => form25.rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const r25 = await createRound(ctx, {
      formId: form25.id,
      period: '2025',
      cutoffDate: '2025-12-14',
      deadline: '2025-12-20',
      units: ['534'],
    });
    await saveValues(ctx, {
      roundId: r25.id,
      unitId: unit,
      how: 'typed',
      changes: [
        { indicatorId: ind25('Tổng số cơ sở kinh doanh'), value: 50 },
        { indicatorId: ind25('Vũ trường'), value: 5 },
      ],
    });

    await page.goto(page.url().replace(/#.*$/, `#/rounds/${r25.id}/compare`));
    await page.reload();
    const rowOf = (start: string) => page.locator('.ag-row', { hasText: start }).first();
    const index = async (start: string) => rowOf(start).getAttribute('row-index');
    const cell = async (start: string, col: string) =>
      page.locator(`.ag-row[row-index="${await index(start)}"] .ag-cell[col-id="${col}"]`).textContent();
    await expect.poll(() => cell('Vũ trường', 'v1')).toBe('5');
    expect([await cell('Vũ trường', 'v0'), await cell('Vũ trường', 'd1'), await cell('Vũ trường', 'p1')]).toEqual([
      '4',
      '+1',
      '+25%',
    ]);
    expect(await cell('Tổng số cơ sở kinh doanh', 'v0')).toBe('');

    await rowOf('Tổng số cơ sở kinh doanh').click();
    const panel = page.getByRole('complementary', { name: 'Nối chỉ tiêu giữa các biểu mẫu' });
    const choice = panel.getByLabel('Chỉ tiêu của biểu mẫu cũ');
    await expect.poll(() => choice.locator('option').count()).toBeGreaterThan(10);
    const label = (await choice.locator('option').allTextContents()).find((o) =>
      o.includes('Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh'),
    )!;
    await choice.selectOption({ label });
    await panel.getByRole('button', { name: 'Nối', exact: true }).click();
    await expect.poll(() => cell('Tổng số cơ sở kinh doanh', 'v0')).toBe('40');
    expect(await cell('Tổng số cơ sở kinh doanh', 'p1')).toBe('+25%');
    await app.screenshot('37-compare');

    // Đức Phổ and Ba Tơ merge at the end of 2025: compared in the boundaries of 2026, Đức Phổ's figures count for the merged unit.
    const merged = await page.evaluate(() =>
      window.api.invoke('units:record-merge', {
        into: '53435',
        name: 'Thị xã Đức Phổ - Ba Tơ',
        from: ['534', '535'],
        date: '2025-12-31',
        basis: 'Nghị quyết thử',
      }),
    );
    expect(merged.ok).toBe(true);
    await page.getByLabel('Theo địa giới ngày').fill('2026-01-01');
    await expect
      .poll(() => page.getByTestId('compare-boundary').textContent())
      .toBe(
        'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 1 đơn vị được quy đổi theo sáp nhập, chia tách (Thị xã Đức Phổ).',
      );
    expect([await cell('Vũ trường', 'v0'), await cell('Vũ trường', 'v1')]).toEqual(['4', '5']);

    // The 2025 round's matrix in the same boundaries: Đức Phổ's column is the merged unit's.
    await page.goto(page.url().replace(/#.*$/, `#/rounds/${r25.id}/matrix`));
    await page.reload();
    await expect.poll(() => page.locator('.ag-header-cell-text').allTextContents()).toContain('Thị xã Đức Phổ');
    await page.getByLabel('Theo địa giới ngày').fill('2026-01-01');
    await expect
      .poll(() => page.getByTestId('matrix-boundary').textContent())
      .toContain('số liệu của 1 đơn vị được quy đổi theo sáp nhập, chia tách (Thị xã Đức Phổ)');
    const headers = await page.locator('.ag-header-cell-text').allTextContents();
    expect(headers).toContain('Thị xã Đức Phổ - Ba Tơ');
    expect(headers).not.toContain('Thị xã Đức Phổ');
    expect(await page.getByRole('button', { name: 'Chốt số liệu gửi cấp trên…' }).isDisabled()).toBe(true);
    await app.screenshot('56-matrix-boundaries');
  });
});
