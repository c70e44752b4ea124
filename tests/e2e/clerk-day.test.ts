import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEml, fillTemplate } from '../fixtures/replies';
import { getFormVersionRows } from '../../db/forms/repo';
import { replaceEmails } from '../../db/units/repo';
import { importReply } from '../../electron/services/inbox/import-reply';
import { seedDemoRound } from '../../electron/testing/seed-round';
import { saveValues } from '../../electron/services/submissions/save-values';
import { exportRoundTemplates } from '../../electron/services/templates/export-templates';
import { useAppInChromium, type AppUnderTest } from './harness';
import { saveOfficeProfile } from '../../electron/services/settings/office-profile';
import { emptyOfficeProfile } from '../../shared/domain/office';

/**
 * A clerk's working day, as issue 17 found it and as it must now be: the inbox cleared, a wrong
 * figure reached and fixed, undo that says what it undid, a matrix that fits nine units, screens
 * that follow every change, five-year reviews that feed the targets, agencies never dropped, and
 * exports that end in "Mở tệp".
 */
const chromiumApp = useAppInChromium();
const laoCai = fs.readFileSync(path.join(__dirname, '../fixtures/seed-plans/lao-cai-142-kh-ubnd-2020.txt'), 'utf8');

/** A row's text as messages quote it: 60 characters at most. */
const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/** The nine districts the Lào Cai-like review asks (the demo province has thirteen). */
const nine = ['522', '524', '525', '527', '528', '529', '530', '531', '532'];

async function unitIds(app: AppUnderTest) {
  const units = await app.ctx.db.selectFrom('org_unit').select(['id', 'code']).execute();
  return (code: string) => units.find((u) => u.code === code)!.id;
}

describe("the clerk's day", () => {
  it('reaches a figure far down by its check or by searching, and undo says what it undid, never crossing a refused entry', async () => {
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx, { units: nine });
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const unit = await unitIds(app);
    // A "Trong đó" item larger than its total, at the bottom of the form (row 100 of 102).
    await saveValues(ctx, {
      roundId: round.id,
      unitId: unit('524'),
      how: 'typed',
      changes: [
        { indicatorId: ind('Tổng số kinh phí chi'), value: 100 },
        { indicatorId: ind('Kinh phí hỗ trợ từ ngân sách TW'), value: 150 },
      ],
    });
    await page.reload();
    await page.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).first().click();
    const sheet = page.getByRole('region', { name: 'Số liệu của Huyện Bình Sơn' });
    const row = (start: string) => sheet.locator('.ag-row', { hasText: start }).first();
    const valueCell = (start: string) => row(start).locator('.ag-cell[col-id="value"]');
    /** Types a figure into a row as the clerk does: a click on its cell, the keys, Enter. */
    const enter = async (start: string, keys: string) => {
      await valueCell(start).click();
      await page.keyboard.type(keys);
      await page.keyboard.press('Enter');
    };
    await expect.poll(() => page.getByTestId('problems').locator('button').count()).toBe(1);
    expect(await row('Kinh phí hỗ trợ từ ngân sách TW').count()).toBe(0); // far below, not rendered yet

    // The finding is a button: the row comes into view with the keyboard on its figure.
    await page.getByTestId('problems').getByRole('button').click();
    await expect.poll(() => valueCell('Kinh phí hỗ trợ từ ngân sách TW').isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.textContent ?? ''))
      .toContain('Kinh phí hỗ trợ từ ngân sách TW');
    await page.keyboard.type('80');
    await page.keyboard.press('Enter');
    // The figure sits right, under its right-aligned header.
    expect(await valueCell('Kinh phí hỗ trợ từ ngân sách TW').getAttribute('class')).toContain('ag-right-aligned-cell');
    await expect.poll(() => page.getByTestId('problems').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('edit-status').textContent())
      .toBe('Đã lưu dòng «Kinh phí hỗ trợ từ ngân sách TW»: 150 → 80.');

    // Searching, diacritics optional: the count and the row shown; Esc puts the keyboard on it.
    await page.keyboard.press('ControlOrMeta+f');
    await page.keyboard.type('so tiep vien');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^1\/\d+$/);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.textContent ?? ''))
      .toContain('Số tiếp viên làm việc');
    await app.screenshots('60-sheet-found');

    // Two corrections with a refused entry between them.
    await enter('Tổng số cơ sở kinh doanh', '40');
    await expect.poll(() => valueCell('Tổng số cơ sở kinh doanh').textContent()).toBe('40');
    await enter('Vũ trường', 'abc');
    const refusal = page.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toBe('Chưa lưu: dòng «Vũ trường»: "abc" không phải là số.');
    await enter('Số cơ sở đã ký cam kết', '6');
    await expect.poll(() => valueCell('Số cơ sở đã ký cam kết').textContent()).toBe('6');
    await app.screenshot('61-sheet-saved');

    // Undo takes back the last correction and says which; the refused entry is no step of the history.
    await page.keyboard.press('ControlOrMeta+z');
    await expect
      .poll(() => page.getByTestId('edit-status').textContent())
      .toBe(
        `Đã hoàn tác dòng «${short('Số cơ sở đã ký cam kết không để xảy ra tệ nạn mại dâm tại cơ sở')}»: 6 → (trống).`,
      );
    expect(await valueCell('Số cơ sở đã ký cam kết').textContent()).toBe('');
    await page.keyboard.press('ControlOrMeta+z');
    await expect
      .poll(() => page.getByTestId('edit-status').textContent())
      .toBe(
        `Đã hoàn tác dòng «${short('Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn')}»: 40 → (trống).`,
      );
    expect(await valueCell('Vũ trường').textContent()).toBe('');
    await app.screenshots('62-sheet-undone');

    // Right after a refused entry, the first Ctrl+Z only drops it; the figure typed before stays.
    await enter('Vũ trường', '2');
    await expect.poll(() => valueCell('Vũ trường').textContent()).toBe('2');
    await enter('Nhà hàng Karaoke', '12a');
    await expect.poll(() => refusal.count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => page.getByTestId('edit-status').textContent()).toMatch(/^Đã bỏ nội dung chưa lưu/);
    expect(await refusal.count()).toBe(0);
    expect(await valueCell('Vũ trường').textContent()).toBe('2');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => valueCell('Vũ trường').textContent()).toBe('');
    expect(await page.getByTestId('edit-status').textContent()).toBe('Đã hoàn tác dòng «Vũ trường»: 2 → (trống).');
  });

  it('shows nine districts and a long indicator whole at 1360 px with figures right-aligned; the source lies over the grid; an export warns of missing office details and ends in "Mở tệp"', async () => {
    const app = await chromiumApp.open({ hash: '#/rounds', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx, { units: nine });
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const unit = await unitIds(app);
    for (const [i, code] of nine.entries()) {
      await saveValues(ctx, {
        roundId: round.id,
        unitId: unit(code),
        how: 'typed',
        changes: [
          { indicatorId: ind('Tổng số cơ sở kinh doanh dịch vụ'), value: 120 + i },
          { indicatorId: ind('Tổng số kinh phí chi'), value: 1250.5 },
        ],
      });
    }
    // The office has not filled in its details yet.
    await saveOfficeProfile(ctx.db, emptyOfficeProfile);
    await page.goto(page.url().replace(/#.*$/, `#/rounds/${round.id}/matrix`));
    await page.reload();
    const matrix = page.getByTestId('matrix');
    const heads = matrix.locator(nine.map((c) => `.ag-header-cell[col-id="u${unit(c)}"]`).join(', '));
    await expect.poll(() => heads.count()).toBe(9);

    // All nine districts in view, none scrolled off to the right.
    const box = (await matrix.boundingBox())!;
    for (const code of nine) {
      const head = (await matrix.locator(`.ag-header-cell[col-id="u${unit(code)}"]`).boundingBox())!;
      expect(head.x + head.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(head.width).toBeGreaterThanOrEqual(60);
    }
    // The long indicator and "Triệu đồng" read whole, wrapped rather than cut.
    const long = 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn';
    const longRow = matrix.locator('.ag-row', { hasText: long }).first();
    const whole = (cell: ReturnType<typeof page.locator>) =>
      cell.evaluate((el) => {
        const inner = (el.querySelector('.ag-cell-value') ?? el) as HTMLElement;
        return inner.scrollWidth <= inner.clientWidth + 1 && inner.scrollHeight <= el.clientHeight + 1;
      });
    const textCell = matrix.locator('.ag-row', { hasText: long }).locator('.ag-cell[col-id="text"]');
    expect(await textCell.textContent()).toBe(long);
    expect(await whole(textCell)).toBe(true);
    const search = page.getByRole('searchbox', { name: 'Tìm chỉ tiêu' });
    await search.fill('tong so kinh phi chi');
    const moneyUnit = matrix.locator('.ag-row', { hasText: 'Tổng số kinh phí chi' }).locator('.ag-cell[col-id="unit"]');
    await expect.poll(() => moneyUnit.textContent()).toBe('Triệu đồng');
    expect(await whole(moneyUnit)).toBe(true);
    await search.fill('');
    // Figures sit right, under their right-aligned headers.
    const rowIndex = await longRow.getAttribute('row-index');
    const figure = matrix.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="u${unit('532')}"]`);
    expect(await figure.textContent()).toBe('128');
    const gap = await figure.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const cell = el.getBoundingClientRect();
      return { left: text.left - cell.left, right: cell.right - text.right };
    });
    expect(gap.right).toBeLessThan(16);
    expect(gap.left).toBeGreaterThan(gap.right);
    // Dates as Vietnamese write them.
    expect(await app.dateFormat(page.getByLabel('Theo địa giới ngày'))).toBe('dd/mm/yyyy');
    // Actions whose effect is not obvious explain themselves.
    expect(await page.getByRole('button', { name: 'Chốt số liệu gửi cấp trên…' }).getAttribute('title')).toContain(
      'ghi lại tổng toàn tỉnh như đã gửi cấp trên',
    );
    expect(await page.locator('label', { hasText: 'Theo địa giới ngày' }).getAttribute('title')).toMatch(
      /^Để trống: số liệu như các đơn vị đã gửi/,
    );
    // The toolbar's buttons keep to one line.
    for (const name of [/^Xuất…/, /^Xuất Excel…/]) {
      expect((await page.getByRole('button', { name }).boundingBox())!.height).toBeLessThan(40);
    }
    expect(await matrix.locator('.ag-header-cell[col-id="total"]').getAttribute('class')).toContain(
      'ag-right-aligned-header',
    );
    await app.screenshots('63-matrix-nine');

    // Where a figure came from: the panel lies over the grid, which keeps its width and its nine districts.
    await figure.click();
    const provenance = page.getByRole('complementary', { name: 'Nguồn gốc số liệu' });
    await expect.poll(() => provenance.getByTestId('provenance-source').textContent()).toBe('Nhập tay (không từ tệp).');
    expect((await matrix.boundingBox())!.width).toBe(box.width);
    await app.screenshots('64-matrix-provenance');
    await provenance.getByRole('button', { name: 'Đóng' }).click();

    // An export with a header: first told what is missing, then saved and offered to open.
    await page.getByRole('button', { name: /^Xuất…/ }).click();
    await page.getByRole('menuitem', { name: 'Phụ lục Word (toàn tỉnh)' }).click();
    const check = page.getByRole('alertdialog', { name: 'Chưa có thông tin cơ quan' });
    await expect
      .poll(() => check.textContent())
      .toContain(
        'Chưa ghi Cơ quan cấp trên, Tên cơ quan (chữ in hoa), Địa danh ghi ngày tháng, Chức vụ người ký trong Cài đặt',
      );
    await app.screenshots('65-export-office-check');
    await check.getByRole('button', { name: 'Vẫn xuất' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Đã lưu:' });
    await expect.poll(() => saved.textContent()).toMatch(/\.docx$/);
    const file = (await saved.textContent())!.replace('Đã lưu: ', '');
    expect(fs.existsSync(file)).toBe(true);
    await page.getByRole('button', { name: 'Mở tệp' }).click();
    await expect.poll(() => ctx.platform.opened).toEqual([file]);
    await page.getByRole('button', { name: 'Mở thư mục' }).click();
    await expect.poll(() => ctx.platform.shownInFolder).toEqual([file]);
    await app.screenshots('66-export-saved');
  });

  it('shows the office details just saved in the print preview, without a reload', async () => {
    const app = await chromiumApp.open({ hash: '#/overview', now: new Date('2020-07-08T02:00:00Z') });
    const { page, ctx } = app;
    await seedDemoRound(ctx, { units: nine });
    await saveOfficeProfile(ctx.db, emptyOfficeProfile);
    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Các phần của phần mềm' });
    const openPreview = async () => {
      await nav.getByRole('link', { name: 'Đợt báo cáo' }).click();
      await page.getByRole('link', { name: 'Xem trước khi in' }).click();
    };
    await openPreview();
    const header = page.getByTestId('print-sheet').locator('.doc-header td').first();
    await expect.poll(() => header.innerText()).toBe('…\n…');

    await nav.getByRole('link', { name: 'Cài đặt' }).click();
    const form = page.getByRole('form', { name: 'Thông tin cơ quan trên văn bản' });
    await form.getByLabel('Cơ quan cấp trên').fill('UBND TỈNH QUẢNG NGÃI');
    await form.getByLabel('Tên cơ quan (chữ in hoa)').fill('SỞ Y TẾ');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã lưu.');

    await openPreview();
    await expect.poll(() => header.innerText()).toBe('UBND TỈNH QUẢNG NGÃI\nSỞ Y TẾ');
    await app.screenshots('67-print-preview-fresh');
  });

  it("keeps a task's agency that matches no unit and adds it; evaluates a target by 2020 from the 2016-2020 review; the overview follows at once", async () => {
    const app = await chromiumApp.open({ hash: '#/overview', now: new Date('2020-07-20T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx, { units: nine });
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const unit = await unitIds(app);
    for (const code of nine) {
      await saveValues(ctx, {
        roundId: round.id,
        unitId: unit(code),
        how: 'typed',
        changes: [
          { indicatorId: ind('Tổng số cơ sở kinh doanh dịch vụ'), value: 50 },
          { indicatorId: ind('Tổng số cơ sở kiểm tra trong kỳ'), value: 45 },
        ],
      });
    }
    await page.reload();
    const count = (k: string) => page.getByTestId(`count-${k}`).locator('.stat-value').textContent();
    await expect.poll(() => count('plans')).toMatch(/^\d+$/);
    const before = {
      plans: Number(await count('plans')),
      targets: Number(await count('targets')),
      tasks: Number(await count('tasks')),
    };
    const nav = page.getByRole('navigation', { name: 'Các phần của phần mềm' });

    // The Lào Cai review plan: its first task is led by an agency the province's list does not have.
    await nav.getByRole('link', { name: 'Kế hoạch, chỉ tiêu' }).click();
    await page.getByRole('link', { name: 'Thêm kế hoạch từ văn bản…' }).click();
    await page.getByLabel('Nội dung kế hoạch').fill(laoCai);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    const drafted = page.getByRole('table', { name: 'Nhiệm vụ đề xuất' });
    await expect.poll(() => drafted.locator('tbody tr').count()).toBe(4);
    const agency = 'Sở Lao động - Thương binh và Xã hội';
    const draftLead = drafted.locator('tbody tr').first().locator('td.col-lead');
    expect(await draftLead.textContent()).toBe(
      `${agency}Chưa khớp đơn vị nào: vẫn được lưu như văn bản ghi, khớp sau được`,
    );
    // "Chủ trì" is wide enough for an agency's name on two or three lines, not a word a line.
    const lines = async (cell: ReturnType<typeof page.locator>) =>
      cell.evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td.firstChild!);
        return range.getClientRects().length;
      });
    expect(await lines(draftLead)).toBeLessThanOrEqual(3);
    await app.screenshots('68-plan-draft-lead');
    await page.getByRole('button', { name: /^Lưu kế hoạch với \d+ chỉ tiêu và 4 nhiệm vụ$/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/plans\/\d+$/);

    const tasks = page.getByRole('table', { name: 'Nhiệm vụ của kế hoạch' });
    const lead = tasks.locator('tbody tr').first().locator('td.col-lead');
    await expect.poll(() => lead.textContent()).toContain(agency);
    expect(await lead.textContent()).toContain('chưa khớp đơn vị nào trong danh sách');
    await lead.getByRole('button', { name: 'Khớp với đơn vị…' }).click();
    const match = page.getByRole('group', { name: `Khớp "${agency}" với một đơn vị` });
    await app.screenshots('69-task-lead-match');
    await match.getByRole('button', { name: `Thêm "${agency}" vào danh sách đơn vị` }).click();
    await expect.poll(() => lead.textContent()).toBe(agency);
    const added = await ctx.db.selectFrom('org_unit').select(['name', 'kind']).where('name', '=', agency).execute();
    expect(added).toEqual([{ name: agency, kind: 'department' }]);

    // A target "by 2020" of the review, measured from its 2016-2020 round.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const editor = page.getByRole('complementary', { name: 'Chỉ tiêu mới của kế hoạch' });
    await editor.getByLabel('Mục (ví dụ a, 2.1)').fill('1');
    await editor
      .getByLabel('Nội dung chỉ tiêu')
      .fill('Đến năm 2020, kiểm tra ít nhất 80% cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm');
    await editor.getByRole('combobox', { name: /^Loại/ }).selectOption('ratio');
    const pick = async (select: ReturnType<typeof page.locator>, start: string) =>
      select.selectOption({
        label: (await select.locator('option').allTextContents()).find((o) => o.startsWith(start))!,
      });
    await pick(editor.getByLabel('Chỉ tiêu thống kê (tử số)'), 'Tổng số cơ sở kiểm tra trong kỳ');
    await editor.getByLabel('Mẫu số').selectOption('indicator');
    await pick(editor.getByLabel('Chỉ tiêu thống kê (mẫu số)'), 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh');
    await editor.getByRole('spinbutton', { name: 'Mức', exact: true }).fill('80');
    await editor.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const target = page.getByTestId('target-1');
    const spanChip = target.locator('.chip', { hasText: '2016-2020:' });
    await expect.poll(() => spanChip.textContent()).toBe('2016-2020: 90%');
    // A year inside the span has no round of its own, and says where its figures are.
    expect(await target.locator('.chip', { hasText: '2016:' }).getAttribute('title')).toBe(
      'Thiếu số liệu: Chưa có đợt báo cáo năm 2016 nào có số liệu này. Năm 2016 nằm trong đợt tổng kết giai đoạn 2016-2020: xem kết quả của giai đoạn.',
    );
    await spanChip.click();
    const drill = page.getByRole('complementary', { name: 'Chỉ tiêu 1, giai đoạn 2016-2020' });
    await expect
      .poll(() => drill.getByTestId('explanation').textContent())
      .toBe(
        'Tỷ lệ = Tổng số cơ sở kiểm tra trong kỳ (405) ÷ Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm hiện có trên địa bàn (450) × 100 = 90% (9/9 đơn vị đã gửi báo cáo). Chỉ tiêu ≥ 80%: đạt.',
      );
    await app.screenshots('70-target-by-2020');

    // The overview, without a reload: one plan, one target and four tasks more; the span is a point of the trend.
    await nav.getByRole('link', { name: 'Tổng quan' }).click();
    await expect.poll(() => count('plans')).toBe(String(before.plans + 1));
    expect(await count('targets')).toBe(String(before.targets + 1));
    expect(await count('tasks')).toBe(String(before.tasks + 4));
    const light = page.locator('.light-list li', { hasText: 'Đến năm 2020, kiểm tra' });
    expect(await light.textContent()).toContain('(giai đoạn 2016-2020: 90%)');
    const trend = page.getByRole('figure', { name: 'Xu hướng toàn tỉnh qua các năm' });
    await pick(trend.getByLabel('Chỉ tiêu thống kê'), 'Tổng số cơ sở kiểm tra trong kỳ');
    const rank = page.getByRole('figure', { name: 'Xếp hạng đơn vị' });
    await expect.poll(() => rank.getByLabel('Năm').locator('option').allTextContents()).toContain('2016-2020');
    await app.screenshots('71-overview-span');
  });

  it('clears the inbox: a question marked as dealt with and why, the duplicate named with the e-mail it repeats, the day received beside the day sent', async () => {
    const app = await chromiumApp.open({ hash: '#/inbox', now: new Date('2020-07-04T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx);
    const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const ducPhoTemplate = templates.files.find((f) => f.unitCode === '534')!.workbook;
    const report = await buildEml({
      from: 'vpubnd.ducpho@quangngai.gov.vn',
      subject: 'Báo cáo tổng kết',
      messageId: '<dp@qn>',
      date: new Date('2020-07-02T09:00:00Z'),
      attachments: [{ filename: 'duc-pho.xlsx', content: await fillTemplate(ducPhoTemplate, { R003: 31 }) }],
    });
    const question = await buildEml({
      from: 'vpubnd.binhson@quangngai.gov.vn',
      subject: 'Hỏi về cách điền biểu tổng kết',
      messageId: '<bs-hoi@qn>',
      date: new Date('2020-07-03T01:00:00Z'),
      text: 'Dòng "Số tiếp viên" tính cả người làm theo mùa vụ không ạ?',
    });
    const files = [
      { name: '1-duc-pho.eml', data: report.toString('base64') },
      { name: '2-binh-son-hoi.eml', data: question.toString('base64') },
      { name: '3-duc-pho-gui-lai.eml', data: report.toString('base64') },
    ];
    await page.evaluate(async (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
      const zone = document.querySelector('[data-testid="inbox-drop-zone"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
      .toBe('Đã xử lý 3 tệp: 1 đã nhập, 1 cần xem lại, 1 trùng, 0 lỗi.');

    // The duplicate is named, with the e-mail it repeats one click away.
    const duplicates = page.getByTestId('import-duplicates');
    expect(await duplicates.locator('li').textContent()).toMatch(/^3-duc-pho-gui-lai\.eml: /);
    await duplicates.getByRole('button', { name: 'Xem thư đã nhập' }).click();
    const details = page.getByRole('complementary', { name: 'Chi tiết' });
    await expect.poll(() => details.locator('h2').textContent()).toBe('Báo cáo tổng kết');

    // "Ngày nhận" is the day the office received it, "Ngày gửi" the day the unit sent it.
    const grid = page.locator('.grid-box');
    const rowOf = (subject: string) => grid.locator('.ag-row', { hasText: subject }).first();
    expect(await rowOf('Báo cáo tổng kết').locator('[col-id="importedAt"]').textContent()).toBe('04/07/2020 09:00');
    expect(await rowOf('Báo cáo tổng kết').locator('[col-id="sentAt"]').textContent()).toBe('02/07/2020');

    // The question carries no figures: the panel says so, and it is marked as dealt with, with why.
    await rowOf('Hỏi về cách điền biểu').click();
    await expect.poll(() => details.locator('h2').textContent()).toBe('Hỏi về cách điền biểu tổng kết');
    await expect.poll(() => details.getByText(/^Thư này không có bảng số liệu nào phần mềm đọc được/).count()).toBe(1);
    expect(await details.getByText('Chọn đơn vị gửi (và đợt báo cáo nếu cần) và kiểm tra từng dòng').count()).toBe(0);
    const handled = details.getByRole('form', { name: 'Không cần nhập số liệu' });
    await handled.getByLabel('Ghi chú (vì sao không cần nhập)').fill('Hỏi cách điền biểu; đã trả lời qua điện thoại');
    await app.screenshots('72-inbox-question');
    await handled.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await expect
      .poll(() => details.getByTestId('handled-note').textContent())
      .toBe('Đã xử lý ngày 04/07/2020: Hỏi cách điền biểu; đã trả lời qua điện thoại');
    await expect.poll(() => page.getByTestId('inbox-needs-review').textContent()).toBe('0Cần xem lại');
    expect(await page.getByTestId('inbox-handled').textContent()).toBe('1Đã xử lý');
    expect(await rowOf('Hỏi về cách điền biểu').locator('[col-id="status"]').textContent()).toBe('Đã xử lý');
    await app.screenshots('73-inbox-handled');

    // Nothing is lost: opened again, it is back among those to review.
    await details.getByRole('button', { name: 'Mở lại để xem xét' }).click();
    await expect.poll(() => page.getByTestId('inbox-needs-review').textContent()).toBe('1Cần xem lại');
  });

  it('the small things: errors said on the open round, a correction shown as one and lateness from the first reply, drafts without a recipient named, one lock banner, units picked by level, Vietnamese dates, a guide', async () => {
    const app = await chromiumApp.open({ hash: '#/overview', now: new Date('2020-07-12T02:00:00Z') });
    const { page, ctx } = app;
    const { round } = await seedDemoRound(ctx, { units: nine });
    const rows = await getFormVersionRows(ctx.db, round.formVersionId);
    const ind = (start: string) => rows.find((r) => r.valueRow && r.text.startsWith(start))!.indicatorId!;
    const unit = await unitIds(app);
    for (const code of ['530', '531']) await replaceEmails(ctx.db, unit(code), []);
    // Two districts typed in figures with a "Trong đó" item larger than its total.
    for (const code of ['522', '525']) {
      await saveValues(ctx, {
        roundId: round.id,
        unitId: unit(code),
        how: 'typed',
        changes: [
          { indicatorId: ind('Tổng số cơ sở kinh doanh dịch vụ'), value: 10 },
          { indicatorId: ind('Vũ trường'), value: 12 },
        ],
      });
    }
    // Bình Sơn replied three days late, then sent a corrected copy two days later.
    const templates = await exportRoundTemplates(ctx, round.id, path.join(ctx.database.dir, 'mau'));
    const binhSon = templates.files.find((f) => f.unitCode === '524')!.workbook;
    for (const [day, value] of [
      ['2020-07-08', 30],
      ['2020-07-10', 31],
    ] as const) {
      const file = path.join(ctx.database.dir, `binh-son-${day}.eml`);
      fs.writeFileSync(
        file,
        await buildEml({
          from: 'vpubnd.binhson@quangngai.gov.vn',
          subject: 'Báo cáo tổng kết',
          messageId: `<bs-${day}@qn>`,
          date: new Date(`${day}T01:00:00Z`),
          attachments: [{ filename: 'bc.xlsx', content: await fillTemplate(binhSon, { R003: value }) }],
        }),
      );
      expect((await importReply(ctx, file)).status).toBe('imported');
    }
    await page.reload();

    // The open round's card says how many reports have errors, not only how many came.
    const card = page.locator('[aria-label="Đợt báo cáo đang mở"]');
    await expect.poll(() => card.textContent()).toContain('đã nhận 3/9 đơn vị · 2 báo cáo có lỗi cần xem');
    // No plan has reached a period with figures yet, and the targets card says why it is empty.
    expect(await page.locator('[aria-label="Chỉ tiêu (kết quả kỳ gần nhất)"] p.muted').textContent()).toMatch(
      /^Chưa có chỉ tiêu nào đến kỳ đánh giá/,
    );
    await app.screenshots('74-overview-errors');

    // The board: Bình Sơn received on the 8th, corrected on the 10th, three days late.
    await card.getByRole('link').first().click();
    const board = page.locator('.grid-box');
    const bs = board.locator('.ag-row', { hasText: 'Huyện Bình Sơn' }).first();
    await expect.poll(() => bs.locator('[col-id="receivedAt"]').textContent()).toBe('08/07/2020 (sửa lại 10/07/2020)');
    expect(await bs.locator('[col-id="daysLate"]').textContent()).toBe('3');
    expect(await bs.locator('[col-id="revisions"]').textContent()).toBe('2');

    // Drafts for units without an address are named, with where to add one.
    const folder = path.join(ctx.database.dir, 'gui-don-vi');
    ctx.platform.folders.push(folder);
    await page.getByRole('button', { name: 'Xuất biểu mẫu gửi đơn vị…' }).click();
    await expect
      .poll(() => page.getByTestId('no-recipient').textContent())
      .toBe(
        '2 đơn vị chưa có địa chỉ thư điện tử (Huyện Sơn Tây, Huyện Minh Long): thư nháp gửi các đơn vị này chưa có người nhận. Hãy thêm địa chỉ ở trang Đơn vị, hoặc gửi bằng đường khác. Đến trang Đơn vị',
      );
    expect(await page.getByRole('button', { name: 'Mở tệp' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mở thư mục' }).click();
    await expect.poll(() => ctx.platform.opened).toEqual([folder]);
    await app.screenshots('75-board-no-recipient');

    // An approved sheet says it is locked once.
    await bs.click();
    await page.getByRole('button', { name: 'Duyệt và khóa' }).click();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toMatch(/^Đã duyệt/);
    expect(
      await page.getByText('Báo cáo đã được duyệt và khóa: số liệu không sửa được.', { exact: false }).count(),
    ).toBe(1);
    await app.screenshots('76-sheet-approved');

    // A new round: units picked all at once or by level, dates in Vietnamese order.
    await page.getByRole('button', { name: '← Danh sách đơn vị' }).click();
    await page.getByRole('button', { name: 'Tạo đợt báo cáo' }).click();
    const create = page.getByRole('form', { name: 'Tạo đợt báo cáo mới' });
    expect(await app.dateFormat(create.getByLabel('Ngày chốt số liệu'))).toBe('dd/mm/yyyy');
    expect(await app.dateFormat(create.getByLabel('Hạn gửi'))).toBe('dd/mm/yyyy');
    await create.getByLabel('Chọn đơn vị').check();
    const picked = create.getByTestId('picked-count');
    await create.getByRole('button', { name: 'Chọn tất cả' }).click();
    await expect.poll(() => picked.textContent()).toBe('Đã chọn 22/22 đơn vị');
    await create.getByRole('button', { name: 'Bỏ chọn' }).click();
    await create.getByRole('button', { name: '+ Các huyện' }).click();
    await expect.poll(() => picked.textContent()).toBe('Đã chọn 13/22 đơn vị');
    await create.getByLabel('Kỳ báo cáo').fill('2020');
    await create.getByLabel('Ngày chốt số liệu').fill('2020-12-14');
    await create.getByLabel('Hạn gửi').fill('2020-12-20');
    await app.screenshots('77-create-round-by-level');
    await create.getByRole('button', { name: 'Tạo đợt' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Chọn đợt báo cáo' }).inputValue())
      .not.toBe(String(round.id));
    await expect.poll(() => page.getByTestId('count-all').textContent()).toBe('13Tất cả');

    // The guide walks through a round, each step linking to where it is done.
    await page
      .getByRole('navigation', { name: 'Các phần của phần mềm' })
      .getByRole('link', { name: 'Hướng dẫn' })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hướng dẫn');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('1. Chuẩn bị một lần');
    await app.screenshots('78-help');
    await page.getByRole('link', { name: 'Hộp thư đến' }).last().click();
    await expect.poll(() => page.url()).toMatch(/#\/inbox$/);
  });
});
