/**
 * A stand-in for the 'electron' module, enough for the built main process to start under Node: it
 * records what the app registers (IPC channels, the app:// protocol, dialogs), then, once the window
 * is asked to load, drives a scripted check through what it recorded and quits the app. The report
 * is written as JSON to PCMD_STANDIN_REPORT when the process exits.
 */
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const userData = process.env.PCMD_STANDIN_USERDATA;
const reportFile = process.env.PCMD_STANDIN_REPORT;
const dropped = process.env.PCMD_STANDIN_DROP
  ? JSON.parse(fs.readFileSync(process.env.PCMD_STANDIN_DROP, 'utf8'))
  : null;
const report = {
  channels: [],
  schemes: null,
  dialogs: [],
  loadedUrl: null,
  checks: {},
  switches: {},
  quit: false,
  exitCode: null,
};
const appListeners = new Map();
const ipcHandlers = new Map();
const protocolHandlers = new Map();

process.on('exit', (code) => {
  report.exitCode = code;
  if (reportFile) fs.writeFileSync(reportFile, JSON.stringify(report));
});

const emit = (event, ...args) => (appListeners.get(event) ?? []).forEach((fn) => fn(...args));

const app = {
  isPackaged: true,
  getPath: () => userData,
  getAppPath: () => path.resolve(__dirname, '../../..'),
  getVersion: () => '0.0.0-smoke',
  requestSingleInstanceLock: () => true,
  commandLine: {
    appendSwitch(name, value) {
      report.switches[name] = value;
    },
  },
  whenReady: () => Promise.resolve(),
  on(event, fn) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), fn]);
  },
  // As Electron does: before-quit, will-quit, quit, once (closing windows for a quit emits no window-all-closed).
  quit() {
    if (report.quit) return;
    report.quit = true;
    emit('before-quit');
    emit('will-quit');
    emit('quit');
  },
  exit(code) {
    process.exit(code);
  },
};

const contents = { on() {}, send() {}, setWindowOpenHandler() {}, reload() {}, print() {} };
class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = contents;
  }
  static getAllWindows() {
    return [];
  }
  once() {}
  on() {}
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  loadURL(url) {
    report.loadedUrl = url;
    // The window is the last thing the start makes: the check runs on what was registered.
    setTimeout(() => void runCheck().catch((e) => ((report.checks.error = String(e?.stack ?? e)), app.quit())), 0);
    return Promise.resolve();
  }
}

const ipcMain = {
  handle(channel, fn) {
    report.channels.push(channel);
    ipcHandlers.set(channel, fn);
  },
};
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    report.schemes = schemes;
  },
  handle(scheme, fn) {
    protocolHandlers.set(scheme, fn);
  },
};
const net = { fetch: async (url) => new Response(fs.readFileSync(fileURLToPath(url))) };
const dialog = {
  showErrorBox(title, message) {
    report.dialogs.push({ title, message });
  },
  showMessageBox: async () => ({ response: 1 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } };
const Menu = { setApplicationMenu() {}, buildFromTemplate: (t) => t };
const shell = { openPath: async () => '' };
const clipboard = { async writeText() {} };
const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};

async function serve(url) {
  const response = await protocolHandlers.get('app')(new Request(url));
  return {
    status: response.status,
    csp: response.headers.get('Content-Security-Policy'),
    body: response.status === 200 ? await response.text() : '',
  };
}

async function runCheck() {
  const index = await serve('app://renderer/index.html');
  const asset = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(index.body)?.[1];
  report.checks.index = { status: index.status, csp: index.csp, hasRoot: index.body.includes('id="root"') };
  report.checks.asset = asset ? { path: asset, ...(await serve(`app://renderer/${asset}`)), body: undefined } : null;
  // Dot segments the URL parser would fold are written so that it cannot: encoded slashes and backslashes.
  report.checks.escape = await Promise.all(
    [
      'app://renderer/..%2f..%2fpackage.json',
      'app://renderer/%2e%2e%5c%2e%2e%5cpackage.json',
      'app://evil/index.html',
      'app://renderer/khong-co.js',
    ].map(async (u) => (await serve(u)).status),
  );
  const frame = { url: 'app://renderer/index.html', parent: null };
  report.checks.status = await ipcHandlers.get('app:get-status')({ senderFrame: frame }, {});
  report.checks.stranger = await ipcHandlers.get('app:get-status')(
    { senderFrame: { url: 'https://example.com/', parent: null } },
    {},
  );
  if (dropped)
    report.checks.dropped = await ipcHandlers.get('inbox:import-dropped')({ senderFrame: frame }, { files: dropped });
  app.quit();
}

module.exports = { app, BrowserWindow, ipcMain, protocol, net, dialog, session, Menu, shell, clipboard, safeStorage };
