/* global process, Buffer, setTimeout -- a plain Node script, run by the tests as its own process */
// A test SMTP server on 127.0.0.1, run as its own process so the tests stop it by its PID (as they do Dovecot).
// argv[2] is JSON: { dir, user, password, reject: [addresses], dropAfter: n | null, delayMs }.
// Every accepted message is written to dir as <n>.eml beside <n>.json (its envelope). With dropAfter, the
// process dies while receiving message dropAfter + 1: the connection drops mid-batch and no new one is taken.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const cfg = JSON.parse(process.argv[2]);
let accepted = 0;

const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authOptional: !cfg.user,
  logger: false,
  size: 30 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (auth.username === cfg.user && auth.password === cfg.password) callback(null, { user: auth.username });
    else {
      const e = new Error('5.7.8 Authentication credentials invalid');
      e.responseCode = 535;
      callback(e);
    }
  },
  onRcptTo(address, _session, callback) {
    if ((cfg.reject ?? []).includes(address.address.toLowerCase())) {
      const e = new Error('5.1.1 <' + address.address + '>: Recipient address rejected: User unknown');
      e.responseCode = 550;
      callback(e);
    } else callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      if (cfg.dropAfter !== null && cfg.dropAfter !== undefined && accepted >= cfg.dropAfter) process.exit(0);
      accepted++;
      const n = String(accepted).padStart(4, '0');
      fs.writeFileSync(path.join(cfg.dir, `${n}.eml`), Buffer.concat(chunks));
      fs.writeFileSync(
        path.join(cfg.dir, `${n}.json`),
        JSON.stringify({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user ?? null,
        }),
      );
      setTimeout(() => callback(null, `2.0.0 Ok: queued as ${n}`), cfg.delayMs ?? 0);
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${server.server.address().port}\n`);
});
