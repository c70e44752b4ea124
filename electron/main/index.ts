import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { warmReplyParser } from '../services/import/reply-parser';
import { cleanViewFolder } from '../services/files/open-original';
import { takeDailyBackupIfDue } from '../services/backup/backups';
import { createServiceContext, type ServiceContext } from '../services/context';
import { LiveDatabase } from '../../db/live-database';
import { useSqliteNativeBinding } from '../../db/open-sqlite';
import { channels } from '../../shared/api/channels';
import { isAppError } from '../../shared/errors';
import { systemClock } from '../../shared/clock';
import { createDispatcher } from '../handlers/dispatch';
import { createHandlers } from '../handlers/handlers';
import { createElectronPlatform } from './platform-electron';
import { buildMenu } from './menu';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  developmentRendererUrl,
  isTrustedSender,
  lockDownSession,
  lockDownWindow,
  resolveRendererFile,
  secureWebPreferences,
} from './security';

const devUrl = developmentRendererUrl(app.isPackaged, process.env);
const rendererDir = path.join(import.meta.dirname, '../renderer');
let mainWindow: BrowserWindow | null = null;
let database: LiveDatabase | null = null;
let context: ServiceContext | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function log(message: string, error?: unknown) {
  console.error(`[${new Date().toISOString()}] ${message}`, error ?? '');
}

/** Serves the built renderer over app://, only files inside its folder, with the CSP header. */
function registerAppProtocol() {
  protocol.handle('app', async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Thường trực phòng, chống mại dâm',
    show: false,
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  });
  lockDownWindow(win, devUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  win.on('closed', () => {
    mainWindow = null;
  });
  return win;
}

async function start() {
  const dbPath = path.join(app.getPath('userData'), 'pcmd.db');
  try {
    // In development node_modules holds a Node build of better-sqlite3 (for tests and the CLI);
    // `npm start` prepares an Electron build in out/native. The packaged app is rebuilt for Electron.
    const nativeBinding = app.isPackaged
      ? undefined
      : path.join(app.getAppPath(), 'out/native/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    useSqliteNativeBinding(nativeBinding);
    database = await LiveDatabase.open(dbPath);
  } catch (e) {
    dialog.showErrorBox('Không mở được dữ liệu', isAppError(e) ? e.message : String(e));
    app.exit(1);
    return;
  }
  const platform = createElectronPlatform(() => mainWindow);
  context = createServiceContext(database, { clock: systemClock, platform, appVersion: app.getVersion() });
  const handlers = createHandlers(context, (event, payload) => mainWindow?.webContents.send(event, payload));
  const dispatch = createDispatcher(handlers, log);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => {
      if (!isTrustedSender(event.senderFrame, devUrl)) {
        log(`Từ chối yêu cầu ${channel} từ nguồn lạ: ${event.senderFrame?.url ?? '?'}`);
        return { ok: false, error: { code: 'invalid-input', message: 'Yêu cầu không đến từ cửa sổ của phần mềm.' } };
      }
      return dispatch(channel, payload);
    });
  }
  lockDownSession(session.defaultSession);
  registerAppProtocol();
  Menu.setApplicationMenu(
    buildMenu({
      getWindow: () => mainWindow,
      print: () => void platform.printWindow().catch((e) => log('In không thành công', e)),
      about: `Phiên bản ${app.getVersion()}\nDữ liệu: ${dbPath}`,
    }),
  );
  mainWindow = createWindow();
  // Once a day, a copy of the database at start-up, in the background.
  void takeDailyBackupIfDue(context).catch((e) => log('Không sao lưu được hằng ngày', e));
  // Copies opened for viewing more than a day ago are removed (the originals stay in the database).
  try {
    cleanViewFolder(context);
  } catch (e) {
    log('Không dọn được thư mục xem tệp', e);
  }
  // The parse worker starts now, in the background, so the first import does not wait for it.
  void warmReplyParser().catch((e) => log('Không khởi động được luồng đọc tệp', e));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(start);
  app.on('activate', () => {
    if (database && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void database?.close();
  });
}
