import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api/channels';
import { makeTempDir } from '../../db/testing/test-db';
import { buildEml, ownLayoutWorkbook } from '../fixtures/replies';

/**
 * The main process as built (electron-vite, out/main/index.cjs: CommonJS, see electron.vite.config.ts),
 * started under Node with a stand-in for the 'electron' module (tests/smoke/electron-standin): no
 * Electron window can run on these machines, but everything the shell does at start, at a request
 * and at quit runs for real.
 */
const root = path.resolve(import.meta.dirname, '../..');
const standin = path.join(root, 'tests/smoke/electron-standin/register.cjs');
let dir: string;

interface Report {
  channels: string[];
  schemes: { scheme: string }[] | null;
  dialogs: { title: string; message: string }[];
  loadedUrl: string | null;
  checks: Record<string, unknown> & { error?: string };
  switches: Record<string, string>;
  quit: boolean;
  exitCode: number | null;
}

function runBuiltMain(
  userData: string,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const reportFile = path.join(dir, `rapport-${path.basename(userData)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', standin, path.join(root, 'out/main/index.cjs')], {
      env: { ...process.env, PCMD_STANDIN_USERDATA: userData, PCMD_STANDIN_REPORT: reportFile, ...extraEnv },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    // A main process that does not end by itself after quitting holds something open.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!fs.existsSync(reportFile)) return reject(new Error(`no report (exit ${code}): ${stderr}`));
      resolve({ code, report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report, stderr });
    });
  });
}

beforeAll(async () => {
  dir = makeTempDir('pcmd-smoke-');
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`electron-vite build failed: ${built.stderr}${built.stdout}`);
  // The renderer the app serves from out/renderer (npm test builds it into renderer/dist first).
  const rendererDist = path.join(root, 'renderer/dist');
  if (!fs.existsSync(path.join(rendererDist, 'index.html'))) {
    const vite = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    if (vite.status !== 0) throw new Error(`renderer build failed: ${vite.stderr}`);
  }
  fs.rmSync(path.join(root, 'out/renderer'), { recursive: true, force: true });
  fs.cpSync(rendererDist, path.join(root, 'out/renderer'), { recursive: true });
}, 180_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built main process, started under Node with a stand-in electron module', () => {
  it('opens a fresh database, registers every channel, serves the renderer over app:// with its CSP, reads a reply in the built parse worker, and quits cleanly', async () => {
    const userData = path.join(dir, 'du-lieu');
    const eml = await buildEml({
      from: 'vpubnd.binhson@quangngai.gov.vn',
      subject: 'Báo cáo',
      messageId: '<smoke@binhson>',
      attachments: [{ filename: 'bc.xlsx', content: await ownLayoutWorkbook([['Số lượt kiểm tra', 'Lượt', 4]]) }],
    });
    const drop = path.join(dir, 'tha.json');
    fs.writeFileSync(drop, JSON.stringify([{ name: 'bao-cao.eml', data: eml.toString('base64') }]));

    const { code, report, stderr } = await runBuiltMain(userData, { PCMD_STANDIN_DROP: drop });
    expect(report.checks.error, stderr).toBeUndefined();
    expect(code).toBe(0);
    expect(report.dialogs).toEqual([]);
    // Every channel of the contract, once.
    expect([...report.channels].sort()).toEqual([...channels].sort());
    expect(report.schemes?.map((s) => s.scheme)).toEqual(['app']);
    expect(report.loadedUrl).toBe('app://renderer/index.html');
    // The window's locale is Vietnamese: date fields read dd/mm/yyyy, numbers 1.234,5.
    expect(report.switches).toMatchObject({ lang: 'vi' });
    // The renderer and its assets over app://, with the security header; nothing outside its folder.
    // The header as the shell's security module sets it: nothing but the app's own scripts, no plugins.
    const csp = expect.stringMatching(/^default-src 'self'; script-src 'self'; .*object-src 'none'; base-uri 'none'/);
    expect(report.checks['index']).toEqual({ status: 200, csp, hasRoot: true });
    expect(report.checks['asset']).toMatchObject({ status: 200, csp });
    expect(report.checks['escape']).toEqual([404, 404, 404, 404]);
    // A request from the app's own page is answered from the fresh database; one from elsewhere is refused.
    expect(report.checks['status']).toMatchObject({ ok: true, value: { counts: { units: 0 } } });
    expect(report.checks['stranger']).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Parsed by a worker started from out/main/parse-worker.cjs (there is no parsing on the main thread).
    expect(report.checks['dropped']).toMatchObject({
      ok: true,
      value: [{ file: 'bao-cao.eml', status: 'needs-review' }],
    });
    // Quit: the database checkpointed (no WAL left behind), the log written from start to quit.
    expect(report.quit).toBe(true);
    const wal = path.join(userData, 'pcmd.db-wal');
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const log = fs.readFileSync(path.join(userData, 'logs', 'pcmd.log'), 'utf8');
    expect(log).toMatch(/INFO Khởi động phiên bản 0\.0\.0-smoke/);
    expect(log).toMatch(/INFO inbox:import-dropped: 1 tệp: 0 đã nhập, 1 cần xem lại, 0 trùng, 0 lỗi/);
    expect(log).toMatch(/INFO Đóng phần mềm/);
  }, 120_000);

  it('a start that fails shows the reason and the log in a dialog, then ends the process', async () => {
    const userData = path.join(dir, 'hong');
    // Where the database should be there is a folder: it cannot be opened.
    fs.mkdirSync(path.join(userData, 'pcmd.db'), { recursive: true });
    const { code, report } = await runBuiltMain(userData);
    expect(code).toBe(1);
    expect(report.dialogs).toHaveLength(1);
    expect(report.dialogs[0]!.title).toBe('Không khởi động được phần mềm');
    expect(report.dialogs[0]!.message).toMatch(/^Không mở được tệp dữ liệu .*pcmd\.db/);
    expect(report.dialogs[0]!.message).toContain(`Nhật ký: ${path.join(userData, 'logs', 'pcmd.log')}`);
    expect(fs.readFileSync(path.join(userData, 'logs', 'pcmd.log'), 'utf8')).toMatch(/ERROR Không khởi động được/);
  }, 120_000);
});
