import { openSqliteFile } from '../../db/open-sqlite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder } from '../../electron/services/backup/backups';
import { useAppInChromium } from './harness';

const chromiumApp = useAppInChromium();

describe('restoring a backup from the settings screen', () => {
  it('takes a backup, a figure changes, the backup is restored after its summary: the old figure is back and the newer data kept', async () => {
    const app = await chromiumApp.open({ hash: '#/settings', now: new Date('2026-11-23T02:00:00Z') });
    const { page, ctx } = app;
    expect((await page.evaluate(() => window.api.invoke('demo:create-demo', {}))).ok).toBe(true);
    await page.reload();
    const card = page.getByRole('region', { name: 'Sao lưu dữ liệu' });
    await card.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect.poll(() => card.getByTestId('backup-last').textContent()).toContain('(Sao lưu ngay)');

    // A 2025 figure of Huyện Bình Sơn changes after the backup.
    const round = (
      await ctx.db.selectFrom('report_round').select('id').where('period_code', '=', '2025').executeTakeFirstOrThrow()
    ).id;
    const unit = (await ctx.db.selectFrom('org_unit').select('id').where('code', '=', '524').executeTakeFirstOrThrow())
      .id;
    const indicator = (
      await ctx.db
        .selectFrom('indicator')
        .select('id')
        .where('name', '=', 'Tổng số cơ sở kiểm tra trong kỳ')
        .executeTakeFirstOrThrow()
    ).id;
    const figure = () =>
      page.evaluate(
        async ({ roundId, unitId, indicatorId }) => {
          const r = await window.api.invoke('submissions:get-sheet', { roundId, unitId });
          if (!r.ok) throw new Error(r.error.message);
          return (r.value as { rows: { indicatorId: number | null; value: number | null }[] }).rows.find(
            (x) => x.indicatorId === indicatorId,
          )!.value;
        },
        { roundId: round, unitId: unit, indicatorId: indicator },
      );
    const before = await figure();
    const saved = await page.evaluate(
      ({ roundId, unitId, indicatorId }) =>
        window.api.invoke('submissions:save-values', {
          roundId,
          unitId,
          how: 'typed',
          changes: [{ indicatorId, value: 4321 }],
        }),
      { roundId: round, unitId: unit, indicatorId: indicator },
    );
    expect(saved.ok).toBe(true);
    expect(await figure()).toBe(4321);

    // See what the backup holds, then restore it.
    await page.reload();
    await card.getByText(/Các bản sao lưu/).click();
    await card
      .getByRole('button', { name: /^Xem để khôi phục bản/ })
      .first()
      .click();
    const panel = page.getByRole('region', { name: 'Khôi phục bản sao lưu' });
    await expect.poll(() => panel.getByTestId('backup-values').textContent()).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(await panel.getByRole('table', { name: 'Nội dung bản sao lưu' }).textContent()).toContain('Đơn vị24');
    await app.screenshot('47-restore-summary');
    const restore = panel.getByRole('button', { name: 'Khôi phục bản này' });
    expect(await restore.isDisabled()).toBe(true);
    await panel.getByRole('checkbox').check();
    await restore.click();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toMatch(
        /^Đã khôi phục\. Dữ liệu trước khi khôi phục được giữ ở bản sao lưu pcmd-\d{8}-\d{6}-truoc-khoi-phuc\.db\.$/,
      );
    await app.screenshot('48-restored');

    // The old figure is back; the data as it was before the restore is a backup holding the newer one.
    expect(await figure()).toBe(before);
    const safety = (await panel.getByRole('status').textContent())!.match(/pcmd-\S+\.db/)![0];
    const kept = openSqliteFile(path.join(backupFolder(ctx), safety), { readonly: true });
    const row = kept
      .prepare(
        'SELECT d.num_value FROM data_value d JOIN submission s ON s.id = d.submission_id WHERE s.round_id = ? AND s.unit_id = ? AND d.indicator_id = ?',
      )
      .get(round, unit, indicator);
    kept.close();
    expect(row).toEqual({ num_value: 4321 });
    await expect.poll(() => card.getByTestId('backup-last').textContent()).toContain('(Trước khi khôi phục)');

    // And the restored data passes the full check.
    await page
      .getByRole('region', { name: 'Kiểm tra dữ liệu' })
      .getByRole('button', { name: 'Kiểm tra đầy đủ' })
      .click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Kiểm tra dữ liệu' }).getByRole('status').textContent())
      .toBe('Dữ liệu đạt kiểm tra đầy đủ.');
  });
});
