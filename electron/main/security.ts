import type { BrowserWindow, Session, WebFrameMain } from 'electron';

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
