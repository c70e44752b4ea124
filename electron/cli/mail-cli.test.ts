import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { cliRound } from '../../tests/support/cli-round';
import { startSmtpServer, type TestSmtpServer } from '../../tests/support/smtp-server';
import { runCliCaptured as run } from '../testing/run-cli-captured';

const dirs: string[] = [];
const servers: TestSmtpServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  delete process.env['PCMD_TEST_SMTP_PASSWORD'];
});

describe('mail on the command line', () => {
  it('mail config keeps where the password is, never the password; round send sends each unit once', async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const dir = makeTempDir();
    dirs.push(dir);
    const { db, roundId: id } = await cliRound(dir, { units: '524,534', deadline: '2099-07-05' });
    const roundId = String(id);

    // Before the server is set: said in Vietnamese.
    const unset = await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--json');
    expect(unset).toMatchObject({ code: 1 });
    expect(unset.err).toContain('Chưa thiết lập máy chủ gửi thư của cơ quan');

    const config = await run(
      'mail',
      'config',
      ...['--db', db, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none'],
      ...['--user', server.user, '--password-env', 'PCMD_TEST_SMTP_PASSWORD', '--from', 'thuongtruc@syt.test'],
      ...['--from-name', 'Sở Y tế', '--json'],
    );
    expect(config.code).toBe(0);
    expect(JSON.parse(config.out)).toMatchObject({ host: '127.0.0.1', security: 'none', hasPassword: true });

    // The variable is empty: refused, saying which.
    const noPassword = await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--json');
    expect(noPassword.err).toContain('biến môi trường PCMD_TEST_SMTP_PASSWORD');
    process.env['PCMD_TEST_SMTP_PASSWORD'] = server.password;

    const dry = await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toEqual([
      { unitCode: '524', to: ['vpubnd.binhson@quangngai.gov.vn'], status: 'dry-run', messageId: null, error: null },
      { unitCode: '534', to: ['vpubnd.ducpho@quangngai.gov.vn'], status: 'dry-run', messageId: null, error: null },
    ]);
    expect(server.received()).toHaveLength(0);

    const sent = await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'forms', '--json');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.out) as { unitCode: string; status: string; messageId: string }[];
    expect(results.map((r) => [r.unitCode, r.status])).toEqual([
      ['524', 'sent'],
      ['534', 'sent'],
    ]);
    expect((await server.parsed()).map((m) => m.messageId)).toEqual(results.map((r) => r.messageId));

    const again = await run(
      'round',
      'send',
      '--db',
      db,
      '--round',
      roundId,
      '--kind',
      'forms',
      '--units',
      '534',
      '--json',
    );
    expect(JSON.parse(again.out)).toEqual([
      {
        unitCode: '534',
        to: ['vpubnd.ducpho@quangngai.gov.vn'],
        status: 'skipped',
        messageId: results[1]!.messageId,
        error: null,
      },
    ]);
    expect(server.received()).toHaveLength(2);

    const wrong = await run('round', 'send', '--db', db, '--round', roundId, '--kind', 'letters');
    expect(wrong.err).toContain('Tham số --kind không hợp lệ: Loại thư là forms (biểu mẫu) hoặc reminders (thư nhắc)');
    const stranger = await run(
      'round',
      'send',
      '--db',
      db,
      '--round',
      roundId,
      '--kind',
      'reminders',
      '--units',
      'XYZ',
    );
    expect(stranger.err).toContain('Không có đơn vị mã XYZ.');

    // The password is nowhere in the database file.
    expect(fs.readFileSync(db).includes(Buffer.from(server.password))).toBe(false);
  });
});
