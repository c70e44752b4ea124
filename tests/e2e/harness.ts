import { warmReplyParser } from '../../electron/services/inbox/parse-reply-in-worker';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createDispatcher } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { createTestContext, type TestContext } from '../../electron/testing/service-context';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = path.join(root, 'renderer/dist');
export const screenshotDir = path.join(root, 'test-output/screenshots');
const APP_URL = 'http://app.test';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let pageApiScript: string | null = null;
function pageApi(): string {
  pageApiScript ??= buildSync({
    entryPoints: [path.join(root, 'tests/e2e/page-api.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return pageApiScript;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error('renderer/dist is missing: run `npm run build:renderer` first (npm test does).');
  }
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    // Scrollbars as Windows draws them, taking room beside the grids, not hidden as headless would.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // As the app's window: Vietnamese, so date fields read dd/mm/yyyy.
      '--lang=vi',
    ],
    // Chromium on Linux takes its locale from the environment, not from --lang (Windows does the reverse).
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
  });
}

export interface AppUnderTest {
  page: Page;
  ctx: TestContext;
  /** Errors the page printed or threw; a test fails if any appear unexpectedly. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  /** The screen at the office's two usual sizes: 1360×860 (name) and 1920×1080 (name-1920). */
  screenshots(name: string): Promise<void>;
  /** How a date field reads, from the browser's own parts of it: "dd/mm/yyyy" in Vietnamese. */
  dateFormat(field: Locator): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer in a fresh page over a fresh database, with `window.api` wired to the
 * real handlers. Every request outside the app's own origin is refused, as in the app.
 */
export async function openApp(browser: Browser, options: { hash?: string; now?: Date } = {}): Promise<AppUnderTest> {
  const ctx = await createTestContext(options.now);
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  // A step that cannot happen fails within seconds, naming what it waited for.
  page.setDefaultTimeout(15_000);
  const emit = (event: string, payload: unknown) => {
    void page
      .evaluate(([e, p]) => window.__pcmdEmit(e as 'progress', p), [event, payload] as const)
      .catch(() => undefined);
  };
  const dispatch = createDispatcher(createHandlers(ctx, emit), (m, e) => console.error(m, e));
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_URL) return route.abort('blockedbyclient');
    const file = path.normalize(
      path.join(distDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)),
    );
    if (!file.startsWith(distDir + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' },
    });
  });
  // As JSON text, which crosses Playwright's binding at once; its own serializer walks a large result
  // (a 170-unit matrix) value by value, which Electron's structured clone does not.
  await page.exposeBinding('__pcmdInvoke', async (_source, channel: unknown, input: unknown) =>
    JSON.stringify(await dispatch(channel, typeof input === 'string' ? JSON.parse(input) : undefined)),
  );
  await page.addInitScript({ content: pageApi() });
  await page.goto(`${APP_URL}/index.html${options.hash ?? ''}`);
  const screenshot = async (name: string) => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  };
  return {
    page,
    ctx,
    pageErrors,
    screenshot,
    async screenshots(name) {
      await screenshot(name);
      await page.setViewportSize({ width: 1920, height: 1080 });
      // The grids lay out again over a few frames after the window grows (row heights follow the wrap).
      await page.evaluate(() => new Promise((done) => setTimeout(done, 250)));
      await screenshot(`${name}-1920`);
      await page.setViewportSize({ width: 1360, height: 860 });
    },
    async dateFormat(field) {
      // The parts of a date field live in the browser's own shadow tree, which only the DevTools protocol reads.
      const cdp = await context.newCDPSession(page);
      try {
        const mark = `probe-${Date.now()}`;
        await field.evaluate((el, m) => el.setAttribute('data-probe', m), mark);
        await cdp.send('DOM.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
        const { nodeId } = await cdp.send('DOM.querySelector', {
          nodeId: root.nodeId,
          selector: `[data-probe="${mark}"]`,
        });
        const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true });
        const parts: string[] = [];
        const walk = (n: typeof node) => {
          const attrs = n.attributes ?? [];
          const at = attrs.indexOf('aria-placeholder');
          if (at >= 0) parts.push(attrs[at + 1]!);
          for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
        };
        walk(node);
        await field.evaluate((el) => el.removeAttribute('data-probe'));
        return parts.join('/');
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close();
      await ctx.dispose();
    },
  };
}

/**
 * Registers the hooks every end-to-end file needs: one Chromium for the file, and after each test
 * the app closed and its page errors asserted empty. Returns a function that opens the app.
 */
export function useAppInChromium(): { open(options?: { hash?: string; now?: Date }): Promise<AppUnderTest> } {
  let browser: Browser | null = null;
  let app: AppUnderTest | null = null;
  beforeAll(async () => {
    // As the app does at its start (electron/main): the parse workers are started and warmed, so the
    // first file a test picks does not wait for a thread to load its readers.
    [browser] = await Promise.all([launchBrowser(), warmReplyParser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const errors = app?.pageErrors ?? [];
    await app?.close();
    app = null;
    expect(errors).toEqual([]);
  });
  return {
    async open(options) {
      app = await openApp(browser!, options);
      return app;
    },
  };
}
