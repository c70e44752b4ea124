import { ImapFlow } from 'imapflow';
import { AppError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { importReplySource } from './import-reply';
import { loadImportLookups } from './import-lookups';

export interface MailboxSettings {
  host: string;
  port: number;
  /** TLS from the start (IMAPS, usually port 993). */
  secure: boolean;
  user: string;
  folder: string;
}

import type { MailboxView } from '../../../shared/domain/inbox';

export type { MailboxView };

interface StoredMailbox extends MailboxSettings {
  password: string | null;
  uidValidity: string | null;
  lastUid: number;
  lastCheckedAt: string | null;
}

const KEY = 'mailbox';
const BATCH = 20;

async function load(ctx: ServiceContext): Promise<StoredMailbox | null> {
  const row = await ctx.db.selectFrom('app_setting').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as StoredMailbox) : null;
}

async function store(ctx: ServiceContext, value: StoredMailbox): Promise<void> {
  const json = JSON.stringify(value);
  await ctx.db.insertInto('app_setting').values({ key: KEY, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute();
}

export async function getMailbox(ctx: ServiceContext): Promise<MailboxView | null> {
  const m = await load(ctx);
  if (!m) return null;
  return { host: m.host, port: m.port, secure: m.secure, user: m.user, folder: m.folder, hasPassword: m.password !== null, lastCheckedAt: m.lastCheckedAt };
}

/** Saves the mailbox; the password only through the system's safe storage, and kept when not given again. */
export async function saveMailbox(ctx: ServiceContext, input: MailboxSettings & { password?: string }): Promise<MailboxView> {
  const old = await load(ctx);
  const sameBox = old && old.host === input.host && old.user === input.user && old.folder === input.folder;
  await store(ctx, {
    host: input.host.trim(),
    port: input.port,
    secure: input.secure,
    user: input.user.trim(),
    folder: input.folder.trim() || 'INBOX',
    password: input.password ? ctx.platform.protectSecret(input.password) : (old?.password ?? null),
    uidValidity: sameBox ? old.uidValidity : null,
    lastUid: sameBox ? old.lastUid : 0,
    lastCheckedAt: sameBox ? old.lastCheckedAt : null,
  });
  return (await getMailbox(ctx))!;
}

function connectionError(e: unknown, m: MailboxSettings): AppError {
  const err = e as { authenticationFailed?: boolean; code?: string; message?: string; responseText?: string };
  if (err.authenticationFailed) return new AppError('invalid-input', `Máy chủ thư ${m.host} từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu của hộp thư ${m.user}.`);
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' || err.code === 'EHOSTUNREACH') {
    return new AppError('invalid-input', `Không kết nối được máy chủ thư ${m.host}:${m.port} (${err.code}). Hãy kiểm tra địa chỉ, cổng và mạng.`);
  }
  if (/NONEXISTENT|doesn't exist|Mailbox doesn't exist/i.test(`${err.responseText ?? ''} ${err.message ?? ''}`)) {
    return new AppError('invalid-input', `Hộp thư không có thư mục "${m.folder}".`);
  }
  return new AppError('invalid-input', `Không đọc được hộp thư ${m.user} trên ${m.host}: ${err.responseText ?? err.message ?? String(e)}`);
}

/**
 * Fetches the messages not yet seen by the app from the watched folder, read-only (nothing on the
 * server is changed or deleted), and imports each like a file. Only UIDs above the last one
 * imported are fetched; if the folder's UIDVALIDITY changed, it starts over and the duplicate
 * check keeps anything from being imported twice. The connection is closed before any import.
 */
export async function checkMailbox(ctx: ServiceContext, onProgress?: (done: number, total: number, label: string) => void, password?: string): Promise<ImportResult[]> {
  const m = await load(ctx);
  if (!m) throw new AppError('invalid-input', 'Chưa thiết lập hộp thư (máy chủ, tài khoản, thư mục).');
  const pass = password ?? (m.password ? ctx.platform.revealSecret(m.password) : null);
  if (!pass) throw new AppError('invalid-input', 'Chưa lưu mật khẩu hộp thư.');

  const client = new ImapFlow({
    host: m.host,
    port: m.port,
    secure: m.secure,
    auth: { user: m.user, pass },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined); // reported through the failing call below
  const fetched: { uid: number; source: Buffer }[] = [];
  let uidValidity: string;
  try {
    await client.connect();
    const box = await client.mailboxOpen(m.folder, { readOnly: true });
    uidValidity = String(box.uidValidity);
    const from = uidValidity === m.uidValidity ? m.lastUid + 1 : 1;
    if (box.exists > 0) {
      const uids = ((await client.search({ uid: `${from}:*` }, { uid: true })) || []).filter((u) => u >= from).sort((a, b) => a - b);
      for (let i = 0; i < uids.length; i += BATCH) {
        const batch = uids.slice(i, i + BATCH);
        const messages = await client.fetchAll(batch.join(','), { uid: true, source: true }, { uid: true });
        for (const msg of messages) if (msg.source) fetched.push({ uid: msg.uid, source: msg.source });
        onProgress?.(0, uids.length, `Đang tải thư ${Math.min(i + BATCH, uids.length)}/${uids.length}`);
      }
    }
    await client.logout();
  } catch (e) {
    client.close();
    throw connectionError(e, m);
  }

  fetched.sort((a, b) => a.uid - b.uid);
  const lookups = await loadImportLookups(ctx.db);
  const results: ImportResult[] = [];
  let lastUid = uidValidity === m.uidValidity ? m.lastUid : 0;
  for (const [i, msg] of fetched.entries()) {
    onProgress?.(i, fetched.length, `Thư ${i + 1}/${fetched.length}`);
    const name = `${m.folder}#${msg.uid}`;
    results.push(await importReplySource(ctx, { fileName: `${name}.eml`, bytes: msg.source }, { origin: { mailbox: m.folder, uid: msg.uid }, lookups }, `imap:${m.user}/${name}`));
    lastUid = Math.max(lastUid, msg.uid);
    await store(ctx, { ...m, uidValidity, lastUid, lastCheckedAt: ctx.clock().toISOString() });
  }
  await store(ctx, { ...m, uidValidity, lastUid, lastCheckedAt: ctx.clock().toISOString() });
  onProgress?.(fetched.length, fetched.length, '');
  return results;
}
