import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FormRowDraft } from '../shared/domain/forms';
import { fillRound, seedProvince } from './province';
import type { ServiceContext } from '../electron/services/context';
import { saveNewForm } from '../electron/services/forms/import-form';
import { createRound } from '../electron/services/rounds/create-round';
import { recheckAll } from '../electron/services/submissions/check-submission';
import { launchBrowser, openApp } from '../tests/e2e/harness';
import { median } from './median';

const UNITS = 150;
const GROUPS = 10; // 10 groups of a total and its 9 "Trong đó" items: 100 indicators

/** A 100-indicator form, 150 communes, and two yearly rounds with every figure reported (the first one is "last year"). */
async function seedMatrix(
  ctx: ServiceContext,
): Promise<{ roundId: number; unitIds: number[]; indicatorIds: number[] }> {
  const now = ctx.clock().toISOString();
  const unitIds = (await seedProvince(ctx.db, { count: UNITS, now })).communes.map((c) => c.id);
  const rows: FormRowDraft[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const heading = rows.length + 1;
    rows.push({
      row: heading,
      numbering: String(g + 1),
      text: `Nhóm chỉ tiêu ${g + 1}`,
      unit: null,
      parentRow: null,
      level: 0,
      valueRow: false,
      valueType: 'integer',
      aggregation: 'none',
      childRule: 'none',
      notes: [],
    });
    const total = rows.length + 1;
    rows.push({
      row: total,
      numbering: '-',
      text: `Tổng số của nhóm ${g + 1}`,
      unit: 'Người',
      parentRow: heading,
      level: 1,
      valueRow: true,
      valueType: 'integer',
      aggregation: 'sum',
      childRule: 'each-le-parent',
      notes: [],
    });
    for (let k = 0; k < 9; k++) {
      rows.push({
        row: rows.length + 1,
        numbering: '+',
        text: `Trong đó loại ${k + 1} của nhóm ${g + 1}`,
        unit: 'Người',
        parentRow: total,
        level: 2,
        valueRow: true,
        valueType: 'integer',
        aggregation: 'sum',
        childRule: 'none',
        notes: [],
      });
    }
  }
  const form = await saveNewForm(ctx, { name: 'Biểu 100 chỉ tiêu', rows });
  const indicatorIds = form.rows.filter((r) => r.valueRow).map((r) => r.indicatorId!);
  let roundId = 0;
  for (const year of [2024, 2025]) {
    const round = await createRound(ctx, {
      formId: form.id,
      period: String(year),
      cutoffDate: `${year}-12-14`,
      deadline: `${year}-12-20`,
      units: 'all',
    });
    await fillRound(ctx, round.id, indicatorIds, (unitId, k) => (k % 10 === 0 ? 90 + (unitId % 7) : (unitId + k) % 10));
    roundId = round.id;
  }
  await recheckAll(ctx.db);
  return { roundId, unitIds, indicatorIds };
}

export interface CheckingFigures {
  matrixInteractiveMs: number;
  editStoreMs: number;
}

/**
 * In Chromium over the real handlers: time from navigation to a 100 × 150 matrix showing its
 * province totals (median of 5), and an edit's store round trip from the page (median of 60).
 * (The roll-up is measured at 170 units × 10 years, in the targets benchmark.)
 */
export async function benchChecking(root: string): Promise<CheckingFigures> {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  const browser = await launchBrowser();
  try {
    const app = await openApp(browser, { now: new Date('2025-12-22T02:00:00Z') });
    try {
      const { page, ctx } = app;
      const { roundId, unitIds, indicatorIds } = await seedMatrix(ctx);
      const url = page.url().split('#')[0]!;

      const matrixTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(`${url}#/rounds/${roundId}/matrix`);
        await page
          .locator('[data-testid="matrix"] .ag-row[row-index="1"] .ag-cell[col-id="total"]')
          .filter({ hasText: /\d/ })
          .first()
          .waitFor();
        matrixTimes.push(performance.now() - t0);
      }

      const editTimes: number[] = await page.evaluate(
        async ({ roundId, unitIds, indicatorIds }) => {
          const times: number[] = [];
          for (let i = 0; i < 60; i++) {
            const t0 = performance.now();
            const r = await window.api.invoke('submissions:save-values', {
              roundId,
              unitId: unitIds[i % unitIds.length],
              how: 'typed',
              changes: [{ indicatorId: indicatorIds[1 + (i % 9)], value: String(i % 5) }],
            });
            times.push(performance.now() - t0);
            if (!r.ok) throw new Error(JSON.stringify(r.error));
          }
          return times;
        },
        { roundId, unitIds, indicatorIds },
      );

      return {
        matrixInteractiveMs: median(matrixTimes),
        editStoreMs: median(editTimes),
      };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}

export const benchRoot = path.resolve(import.meta.dirname, '..');
