import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { warmReplyParser } from '../services/inbox/parse-reply-in-worker';
import { closeSharedParsePool, setParseLog } from '../services/inbox/parse-pool';
import { createFileLog } from '../services/app/app-log';
import { channelSummary } from '../services/app/log-summaries';
import { cleanViewFolder } from '../services/files/open-original';
import { takeDailyBackupIfDue } from '../services/backup/backups';
import { createServiceContext, type ServiceContext } from '../services/context';
import { LiveDatabase } from '../../db/live-database';
import { useSqliteNativeBinding } from '../../db/open-sqlite';
import { channels } from '../../shared/api/channels';
import { internalErrorMessage, isAppError } from '../../shared/errors';
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
/** This bundle's folder (CommonJS: from import.meta.url, which the bundler turns into __filename's URL). */
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
let mainWindow: BrowserWindow | null = null;
let database: LiveDatabase | null = null;
let context: ServiceContext | null = null;

// The window speaks Vietnamese whatever the system's language: date fields read dd/mm/yyyy.
app.commandLine.appendSwitch('lang', 'vi');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The log file in the user data folder ("Mở thư mục nhật ký"); also echoed to the console in development. */
const appLog = createFileLog(path.join(app.getPath('userData'), 'logs'));
function log(message: string, error?: unknown) {
  appLog.error(message, error);
  if (!app.isPackaged) console.error(`[${new Date().toISOString()}] ${message}`, error ?? '');
}
process.on('uncaughtException', (e) => log('Lỗi không được xử lý', e));
process.on('unhandledRejection', (e) => log('Lời hứa bị từ chối không được xử lý', e));
setParseLog((m) => appLog.info(`luồng đọc tệp: ${m}`));

/** Serves the built renderer over app://, only files inside its folder, with the CSP header. */
function registerAppProtocol() {
  protocol.handle('app', async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file || !fs.existsSync(file)) return new Response('', { status: 404 });
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
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  lockDownWindow(win, devUrl);
  win.once('ready-to-show', () => win.show());
  // A crashed page is logged and offered a reload; a page that stops answering is logged.
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`Cửa sổ bị dừng (${details.reason}, mã ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'Cửa sổ phần mềm bị dừng',
        message: 'Cửa sổ phần mềm bị dừng bất thường. Dữ liệu đã lưu không bị ảnh hưởng.',
        detail: `Nhật ký: ${appLog.file}`,
        buttons: ['Tải lại cửa sổ', 'Đóng phần mềm'],
        defaultId: 0,
      })
      .then(({ response }) => (response === 0 ? win.webContents.reload() : app.quit()));
  });
  win.on('unresponsive', () => appLog.info('Cửa sổ không phản hồi'));
  win.on('responsive', () => appLog.info('Cửa sổ phản hồi trở lại'));
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  win.on('closed', () => {
    mainWindow = null;
  });
  return win;
}

async function start() {
  const dbPath = path.join(app.getPath('userData'), 'pcmd.db');
  appLog.info(`Khởi động phiên bản ${app.getVersion()}${app.isPackaged ? '' : ' (phát triển)'}; dữ liệu: ${dbPath}`);
  // In development node_modules holds a Node build of better-sqlite3 (for tests and the CLI);
  // `npm start` prepares an Electron build in out/native. The packaged app is rebuilt for Electron.
  useSqliteNativeBinding(
    app.isPackaged
      ? undefined
      : path.join(app.getAppPath(), 'out/native/node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  );
  database = await LiveDatabase.open(dbPath);
  appLog.info(
    `Đã mở dữ liệu${database.backupPath ? `; nâng cấp xong, bản sao trước nâng cấp: ${database.backupPath}` : ''}`,
  );
  const platform = createElectronPlatform(() => mainWindow, appLog.folder);
  context = createServiceContext(database, { clock: systemClock, platform, appVersion: app.getVersion() });
  const handlers = createHandlers(context, (event, payload) => mainWindow?.webContents.send(event, payload));
  const dispatch = createDispatcher(handlers, log);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event.senderFrame, devUrl)) {
        log(`Từ chối yêu cầu ${channel} từ nguồn lạ: ${event.senderFrame?.url ?? '?'}`);
        return { ok: false, error: { code: 'invalid-input', message: 'Yêu cầu không đến từ cửa sổ của phần mềm.' } };
      }
      const result = await dispatch(channel, payload);
      const summary = result.ok ? channelSummary(channel, result.value) : null;
      if (summary) appLog.info(summary);
      return result;
    });
  }
  lockDownSession(session.defaultSession);
  registerAppProtocol();
  Menu.setApplicationMenu(
    buildMenu({
      getWindow: () => mainWindow,
      print: () => void platform.printWindow().catch((e) => log('In không thành công', e)),
      about: `Phiên bản ${app.getVersion()}\nDữ liệu: ${dbPath}\nNhật ký: ${appLog.file}`,
    }),
  );
  mainWindow = createWindow();
  appLog.info(`Đã đăng ký ${channels.length} kênh; mở cửa sổ`);
  // Once a day, a copy of the database at start-up, in the background.
  void takeDailyBackupIfDue(context).then(
    (b) => b && appLog.info(`Sao lưu hằng ngày: ${b.file}`),
    (e) => log('Không sao lưu được hằng ngày', e),
  );
  // Copies opened for viewing more than a day ago are removed (the originals stay in the database).
  try {
    cleanViewFolder(context);
  } catch (e) {
    log('Không dọn được thư mục xem tệp', e);
  }
  // The parse workers start now, in the background, so the first import does not wait for them.
  void warmReplyParser().catch((e) => log('Không khởi động được luồng đọc tệp', e));
}

/**
 * A start that fails after the lock is taken must not leave an invisible process holding it (later
 * launches would do nothing): the reason is logged and shown with the log's path, then the process
 * ends, which releases the lock.
 */
function failedStart(e: unknown) {
  log('Không khởi động được', e);
  dialog.showErrorBox(
    'Không khởi động được phần mềm',
    `${isAppError(e) ? e.message : internalErrorMessage}\n\nNhật ký: ${appLog.file}`,
  );
  app.exit(1);
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
  void app.whenReady().then(start).catch(failedStart);
  app.on('activate', () => {
    if (database && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    appLog.info('Đóng phần mềm');
    void closeSharedParsePool();
    void database?.close();
  });
}
