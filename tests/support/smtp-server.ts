import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { OutgoingServerSettings } from '../../electron/services/mail/outgoing-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[]; user: string | null };
  raw: Buffer;
}

export interface TestSmtpServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  pid: number;
  /** What the server accepted, in order. */
  received(): ReceivedMail[];
  /** The same, parsed. */
  parsed(): Promise<(ParsedMail & { envelope: ReceivedMail['envelope'] })[]>;
  stop(): void;
}

export interface SmtpServerOptions {
  /** Recipients refused with 550. */
  reject?: string[];
  /** The server dies while receiving the message after this many: a connection dropped mid-batch. */
  dropAfter?: number;
  /** How long the server waits before accepting each message. */
  delayMs?: number;
}

/**
 * Starts the Nodemailer project's smtp-server on 127.0.0.1 in a process of its own (login required,
 * no TLS), and stops it by its PID. Messages it accepts are kept in a temporary folder to read back.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-smtp-'));
  const user = 'thuongtruc@syt.test';
  const password = crypto.randomBytes(9).toString('hex');
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./smtp-server-process.mjs', import.meta.url)),
      JSON.stringify({
        dir,
        user,
        password,
        reject: (options.reject ?? []).map((a) => a.toLowerCase()),
        dropAfter: options.dropAfter ?? null,
        delayMs: options.delayMs ?? 0,
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('smtp-server did not start')), 10_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`smtp-server exited (${code})`)));
  });
  const received = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => ({
        raw: fs.readFileSync(path.join(dir, f)),
        envelope: JSON.parse(
          fs.readFileSync(path.join(dir, f.replace(/\.eml$/, '.json')), 'utf8'),
        ) as ReceivedMail['envelope'],
      }));
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    pid: child.pid!,
    received,
    async parsed() {
      return Promise.all(
        received().map(async (r) => Object.assign(await simpleParser(r.raw), { envelope: r.envelope })),
      );
    },
    stop() {
      try {
        process.kill(child.pid!, 'SIGTERM');
      } catch {
        /* already gone (a dropped connection) */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The office's outgoing server set to a test server, as the tests' office (Sở Y tế Quảng Ngãi) keeps it. */
export function officeServerSettings(
  server: TestSmtpServer,
  password = server.password,
): OutgoingServerSettings & { password: string } {
  return {
    host: server.host,
    port: server.port,
    security: 'none',
    user: server.user,
    password,
    fromAddress: 'thuongtruc@syt.test',
    fromName: 'Sở Y tế Quảng Ngãi',
    signature: 'Phòng Phòng, chống tệ nạn xã hội – ĐT 0255 3822 123',
    receipts: false,
  };
}
