import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../db/open-sqlite';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../../electron/testing/run-cli-captured';
import { cliRound } from '../support/cli-round';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

/**
 * The durable outbox under a crash: `round send` is killed with SIGKILL while the server holds a message
 * (it has the message but has not said "250 OK" yet). The message is recorded 'sending'; the next run
 * reads it as "có thể đã gửi" and does not send it again, sending only the units never handed over.
 */
const cli = path.resolve('electron/cli/main.ts');
const dirs: string[] = [];
const servers: TestSmtpServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  delete process.env['PCMD_KILL_SMTP_PASSWORD'];
});

const outbox = (db: string) => {
  const sqlite = openSqliteFile(db, { readonly: true });
  try {
    return sqlite
      .prepare('SELECT o.status, u.code FROM outgoing_mail o JOIN org_unit u ON u.id = o.unit_id ORDER BY o.id')
      .all() as { status: string; code: string }[];
  } finally {
    sqlite.close();
  }
};

describe('sending killed mid-message', () => {
  it('never sends again a message that may have gone, and sends the units never handed over', async () => {
    const server = await startSmtpServer({ delayMs: 60_000 });
    servers.push(server);
    const dir = makeTempDir();
    dirs.push(dir);
    const { db, roundId: id } = await cliRound(dir, { units: '524,534,CA', deadline: '2099-07-05' });
    const roundId = String(id);
    await run(
      'mail',
      'config',
      ...['--db', db, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none'],
      ...['--user', server.user, '--password-env', 'PCMD_KILL_SMTP_PASSWORD', '--from', 'thuongtruc@syt.test'],
    );

    // The command line in its own process, killed once the server holds the first message.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, 'round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--json'],
      { env: { ...process.env, PCMD_KILL_SMTP_PASSWORD: server.password }, stdio: 'ignore' },
    );
    const until = Date.now() + 60_000;
    while (server.received().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(server.received()).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(outbox(db)).toEqual([{ status: 'sending', code: 'CA' }]);

    // Another server (the first still holds the message); the next run skips what may have gone.
    const next = await startSmtpServer();
    servers.push(next);
    await run(
      'mail',
      'config',
      ...['--db', db, '--host', '127.0.0.1', '--port', String(next.port), '--security', 'none'],
      ...['--user', next.user, '--password-env', 'PCMD_KILL_SMTP_PASSWORD', '--from', 'thuongtruc@syt.test'],
    );
    process.env['PCMD_KILL_SMTP_PASSWORD'] = next.password;
    const resumed = JSON.parse(
      (await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--json')).out,
    ) as {
      unitCode: string;
      status: string;
    }[];
    expect(resumed.map((r) => [r.unitCode, r.status])).toEqual([
      ['CA', 'skipped'],
      ['524', 'sent'],
      ['534', 'sent'],
    ]);
    expect(next.received().map((m) => m.envelope.to)).toEqual([
      ['vpubnd.binhson@quangngai.gov.vn'],
      ['vpubnd.ducpho@quangngai.gov.vn'],
    ]);
    expect(outbox(db)).toEqual([
      { status: 'maybe-sent', code: 'CA' },
      { status: 'sent', code: '524' },
      { status: 'sent', code: '534' },
    ]);
  }, 120_000);
});
