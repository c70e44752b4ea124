import path from 'node:path';
import type { BrowserWindow, Session, WebFrameMain, WebPreferences } from 'electron';

export const APP_ORIGIN = 'app://renderer';

/** The Content-Security-Policy of every page the app serves: nothing remote, no eval, no plugins. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // AG Grid injects its theme as style elements
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** IPC is answered only for the app's own top frame. */
/**
 * The development server's address (electron-vite's ELECTRON_RENDERER_URL), honoured only in an
 * unpackaged app and only on this machine: a packaged build ignores it, so no page named in the
 * environment ever gets the app's API.
 */
export function developmentRendererUrl(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): string | undefined {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1') ? url : undefined;
  } catch {
    return undefined;
  }
}

export function isTrustedSender(frame: WebFrameMain | null, devUrl: string | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  const url = frame.url;
  return url.startsWith(`${APP_ORIGIN}/`) || (devUrl !== undefined && url.startsWith(devUrl));
}

/** No navigation away, no new windows, no permissions (camera, notifications…), no webviews. */
export function lockDownWindow(win: BrowserWindow, devUrl: string | undefined): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!(url.startsWith(`${APP_ORIGIN}/`) || (devUrl && url.startsWith(devUrl)))) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** The window's web preferences: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The file an app:// URL names inside the renderer folder, or null for anything outside it. */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== 'renderer') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + relative);
  return file.startsWith(root + path.sep) ? file : null;
}
