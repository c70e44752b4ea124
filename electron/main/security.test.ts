import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  developmentRendererUrl,
  isTrustedSender,
  lockDownSession,
  lockDownWindow,
  resolveRendererFile,
  secureWebPreferences,
} from './security';

const root = path.resolve(import.meta.dirname, '../..');

describe('Electron security checklist', () => {
  it('the window is isolated and sandboxed, with no Node in the page', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('grants the page no permission at all, clipboard writes included (copying goes through the main process)', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    lockDownSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as never);
    for (const permission of [
      'clipboard-sanitized-write',
      'clipboard-read',
      'media',
      'notifications',
      'openExternal',
    ]) {
      let granted: boolean | null = null;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check!(null, permission), permission).toBe(false);
    }
  });

  it('honours the development server only in an unpackaged app, and only on this machine', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(developmentRendererUrl(false, env)).toBe('http://localhost:5173/');
    expect(developmentRendererUrl(true, env)).toBeUndefined();
    expect(developmentRendererUrl(false, { ELECTRON_RENDERER_URL: 'https://example.com/' })).toBeUndefined();
    expect(developmentRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost.example.com/' })).toBeUndefined();
    expect(developmentRendererUrl(false, { ELECTRON_RENDERER_URL: 'file:///etc/' })).toBeUndefined();
    expect(developmentRendererUrl(false, {})).toBeUndefined();
  });

  it('answers IPC only for the app’s own top frame', () => {
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;
    expect(isTrustedSender(frame('app://renderer/index.html#/units'), undefined)).toBe(true);
    expect(isTrustedSender(frame('https://example.com/'), undefined)).toBe(false);
    expect(isTrustedSender(frame('app://renderer/index.html', {}), undefined)).toBe(false); // a sub-frame
    expect(isTrustedSender(frame('app://renderer.evil/index.html'), undefined)).toBe(false);
    expect(isTrustedSender(null, undefined)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5173/'), 'http://localhost:5173/')).toBe(true);
  });

  it('blocks navigation away, new windows and webviews', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const win = {
      webContents: {
        on: (name: string, h: (event: { preventDefault(): void }, url: string) => void) => handlers.set(name, h),
        setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
          openHandler = h;
        },
      },
    } as unknown as BrowserWindow;
    lockDownWindow(win, undefined);
    const tryNavigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(tryNavigate('https://phishing.example/')).toBe(true);
    expect(tryNavigate('file:///C:/Windows/system32')).toBe(true);
    expect(tryNavigate('app://renderer/index.html#/units')).toBe(false);
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) }, '');
    expect(webviewPrevented).toBe(true);
  });

  it('serves only files inside the renderer folder', () => {
    const dir = path.resolve('/opt/app/out/renderer');
    expect(resolveRendererFile(dir, 'app://renderer/')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://renderer/assets/index.js')).toBe(path.join(dir, 'assets/index.js'));
    expect(resolveRendererFile(dir, 'app://renderer/..%2F..%2Fmain%2Findex.js')).toBeNull();
    // URL parsing collapses encoded dot segments at the root: the request stays inside the folder.
    expect(resolveRendererFile(dir, 'app://renderer/%2e%2e/%2e%2e/secret')).toBe(path.join(dir, 'secret'));
    expect(resolveRendererFile(dir, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(dir, 'app://renderer/%E0%A4%A')).toBeNull();
  });

  it('the page’s own CSP meta tag says what the protocol header says', () => {
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors has no effect in a meta tag, so only the header carries it.
    expect(meta).toBe(contentSecurityPolicy.replace(/; frame-ancestors 'none'$/, ''));
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
  it('opens a file with the system only from the user’s own request, and only a read-only copy', () => {
    // Every place that calls the system's "open" lives in one service, which writes the copy first.
    const callers = sourceFiles(path.join(root, 'electron'))
      .filter((f) => !f.endsWith('.test.ts') && !f.includes(`${path.sep}testing${path.sep}`))
      .filter((f) => /\.openWithSystem\(|shell\.openPath\(|shell\.openExternal\(/.test(fs.readFileSync(f, 'utf8')));
    // Received files open only as read-only copies (open-original); what the app itself saved in this run
    // opens from its notice (saved-by-app, which refuses any other path: saved-by-app.test.ts).
    expect(callers.map((f) => path.relative(root, f)).sort()).toEqual([
      'electron/main/platform-electron.ts',
      'electron/services/files/open-original.ts',
      'electron/services/files/saved-by-app.ts',
    ]);
    // That service is reached by one channel, which the page calls only from a button's click.
    const handlers = fs.readFileSync(path.join(root, 'electron/handlers/files.ts'), 'utf8');
    expect(handlers.match(/openOriginal\(/g)).toHaveLength(1);
    expect(handlers).toContain("'files:open-original': (input) => openOriginal(ctx, input.fileId)");
    const page = sourceFiles(path.join(root, 'renderer/src')).filter((f) =>
      fs.readFileSync(f, 'utf8').includes("'files:open-original'"),
    );
    expect(page.map((f) => path.relative(root, f))).toEqual(['renderer/src/features/files/queries.ts']);
    const opener = fs.readFileSync(path.join(root, 'electron/services/files/open-original.ts'), 'utf8');
    // Marked as from the internet, then made read-only, before it reaches another program.
    expect(opener.indexOf('markFromInternet(target)')).toBeGreaterThan(0);
    expect(opener.indexOf('markFromInternet(target)')).toBeLessThan(opener.indexOf('fs.chmodSync(target, 0o444)'));
    expect(opener.indexOf('fs.chmodSync(target, 0o444)')).toBeLessThan(opener.indexOf('openWithSystem('));
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('packaging settings', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    build: {
      electronFuses: Record<string, boolean>;
      win: { target: { target: string }[] };
      nsis: { installerLanguages: string[] };
      npmRebuild: boolean;
    };
  };
  it('turn off running as Node and inspection, and check the asar', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('build a Vietnamese NSIS installer and a portable build, rebuilding native modules for Electron', () => {
    expect(pkg.build.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(pkg.build.nsis.installerLanguages).toEqual(['vi_VN']);
    expect(pkg.build.npmRebuild).toBe(true);
  });
});
