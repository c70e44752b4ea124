import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { formatFigure } from '../shared/domain/cell-value';
import { getFormVersionRows } from '../db/forms/repo';
import type { ServiceContext } from '../electron/services/context';
import { getRoundMatrix } from '../electron/services/rounds/round-matrix';
import { recheckAll } from '../electron/services/submissions/check-submission';
import { launchBrowser, openApp } from '../tests/e2e/harness';
import { median } from './median';
import { fillRound, seedFormRound, seedProvince } from './province';

const UNITS = 170;
const YEARS = ['2021', '2022', '2023', '2024', '2025'];
const FLOOR_URL = 'http://floor.test';

/**
 * The seed form (102 rows) and a yearly round for each of five years, every one of 170 communes
 * reporting every figure, checked; returns the newest round.
 */
export async function seedFiveYears(ctx: ServiceContext, dir: string): Promise<number> {
  await seedProvince(ctx.db, { count: UNITS, now: ctx.clock().toISOString() });
  let roundId = 0;
  for (const [y, year] of YEARS.entries()) {
    const { round } = await seedFormRound(ctx, dir, year);
    const indicators = (await getFormVersionRows(ctx.db, round.formVersionId))
      .filter((r) => r.valueRow && r.indicatorId !== null)
      .map((r) => r.indicatorId!);
    await fillRound(ctx, round.id, indicators, (unitId, k) => (unitId * 7 + k * 3 + y) % 40);
    roundId = round.id;
  }
  await recheckAll(ctx.db);
  return roundId;
}

/** Median of 5 timed loads after one untimed: from a blank page to every one of `ready` showing. */
async function timeLoads(page: Page, url: string, ...ready: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(url);
    for (const r of ready) await page.locator(r).first().waitFor();
    if (i > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

/** The floor page: AG Grid alone over the matrix's cells, built once with Vite beside its data. */
function buildFloor(root: string, outDir: string, data: unknown): void {
  execFileSync(
    'npx',
    ['vite', 'build', path.join(root, 'bench/matrix-floor'), '--outDir', outDir, '--base', './', '--logLevel', 'error'],
    { cwd: root, stdio: ['ignore', process.stderr, process.stderr] },
  );
  fs.writeFileSync(path.join(outDir, 'data.js'), `window.floorMatrix = ${JSON.stringify(data)};`);
}

async function openFloor(browser: Browser, dir: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== FLOOR_URL) return route.abort('blockedbyclient');
    const file = path.join(dir, path.normalize(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': `${type}; charset=utf-8` },
    });
  });
  return context.newPage();
}

export interface ScreenFigures {
  /** The round matrix, 102 rows × 170 units, from navigation to the province totals showing. */
  matrixMs: number;
  /** AG Grid alone showing the same cells from an array in the page. */
  matrixFloorMs: number;
  /** The overview over five years of 170 units, from navigation to its counts and trend chart showing. */
  overviewMs: number;
  /** The same built renderer showing a static page (the guide). */
  overviewFloorMs: number;
}

/**
 * In Chromium over the real handlers and database (the renderer built by the caller): the round
 * matrix at 170 units against AG Grid showing the same cells with no app code, and the first screen
 * over five years against the same renderer showing a static page.
 */
export async function benchScreens(root: string, dir: string): Promise<ScreenFigures> {
  const browser = await launchBrowser();
  try {
    const app = await openApp(browser, { now: new Date('2025-12-22T02:00:00Z') });
    try {
      const { page, ctx } = app;
      const roundId = await seedFiveYears(ctx, dir);
      const matrix = await getRoundMatrix(ctx, roundId);
      const floorDir = path.join(dir, 'san-luoi');
      buildFloor(root, floorDir, {
        columns: matrix.columns.map((c) => c.label),
        rows: matrix.rows.map((r) => ({
          numbering: r.numbering ?? '',
          text: r.text,
          unit: r.unit ?? '',
          cells: r.cells.map((v) => formatFigure(v, 'decimal')),
        })),
      });
      const base = page.url().split('#')[0]!;
      // A province total showing (the first rows are headings without figures).
      const totalShown = '[data-testid="matrix"] .ag-row .ag-cell[col-id="total"] >> text=/\\d/';
      const matrixMs = await timeLoads(page, `${base}#/rounds/${roundId}/matrix`, totalShown);
      const overviewMs = await timeLoads(
        page,
        `${base}#/overview`,
        '[data-testid="count-units"]',
        'canvas[aria-label^="Xu hướng toàn tỉnh qua các năm:"]',
        'canvas[aria-label^="Xếp hạng đơn vị:"]',
      );
      const overviewFloorMs = await timeLoads(page, `${base}#/help`, 'h1');
      const floor = await openFloor(browser, floorDir);
      const matrixFloorMs = await timeLoads(floor, `${FLOOR_URL}/index.html`, totalShown);
      await floor.context().close();
      return { matrixMs, matrixFloorMs, overviewMs, overviewFloorMs };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
  }
}
