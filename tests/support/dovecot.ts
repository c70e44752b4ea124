import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestImapServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** Puts a message into the user's INBOX, as the mail server would on delivery. */
  deliver(message: Buffer): void;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on 127.0.0.1:${port}`);
}

/**
 * Starts Debian's Dovecot on 127.0.0.1 with a configuration of its own in a temporary folder
 * (nothing under /etc changes), one user with a Maildir, and stops it by its PID.
 */
export async function startDovecot(): Promise<TestImapServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'thuongtruc@test.local';
  const password = crypto.randomBytes(9).toString('hex');
  for (const d of ['run', 'log', 'mail']) fs.mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const conf = `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run/state
instance_name = pcmd-test-${port}
log_path = ${dir}/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u/Maildir
mail_uid = nobody
mail_gid = nogroup
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
namespace inbox {
  inbox = yes
}
`;
  const confFile = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(confFile, conf);
  const maildir = path.join(dir, 'mail', user, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
  execFileSync('chown', ['-R', 'nobody:nogroup', path.join(dir, 'mail')]);
  execFileSync('dovecot', ['-c', confFile], { stdio: 'ignore' }); // it daemonizes; inherited pipes would keep us waiting
  await waitForPort(port);
  let n = 0;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver(message) {
      const name = `${Date.now()}.${process.pid}_${++n}.pcmd-test`;
      const tmp = path.join(maildir, 'tmp', name);
      fs.writeFileSync(tmp, message);
      fs.renameSync(tmp, path.join(maildir, 'new', name));
      execFileSync('chown', ['nobody:nogroup', path.join(maildir, 'new', name)]);
    },
    stop() {
      const pidFile = path.join(dir, 'run', 'master.pid');
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
          const until = Date.now() + 5_000;
          while (Date.now() < until) {
            process.kill(pid, 0); // throws once the process is gone
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
          }
        } catch {
          /* gone */
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
