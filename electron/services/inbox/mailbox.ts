import { ImapFlow } from 'imapflow';
import { AppError, isAppError } from '../../../shared/errors';
import { MB } from '../files/limits';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { importReplySource, MAX_REPLY_BYTES } from './import-reply';
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
import { readSetting, writeSetting } from '../../../db/settings/repo';

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
  const value = await readSetting(ctx.db, KEY);
  return value !== null ? (JSON.parse(value) as StoredMailbox) : null;
}

async function store(ctx: ServiceContext, value: StoredMailbox): Promise<void> {
  await writeSetting(ctx.db, KEY, JSON.stringify(value));
}

export async function getMailbox(ctx: ServiceContext): Promise<MailboxView | null> {
  const m = await load(ctx);
  if (!m) return null;
  return {
    host: m.host,
    port: m.port,
    secure: m.secure,
    user: m.user,
    folder: m.folder,
    hasPassword: m.password !== null,
    lastCheckedAt: m.lastCheckedAt,
  };
}

/** Saves the mailbox; the password only through the system's safe storage, and kept when not given again. */
export async function saveMailbox(
  ctx: ServiceContext,
  input: MailboxSettings & { password?: string },
): Promise<MailboxView> {
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
  if (err.authenticationFailed)
    return new AppError(
      'invalid-input',
      `Máy chủ thư ${m.host} từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu của hộp thư ${m.user}.`,
    );
  if (
    err.code === 'ECONNREFUSED' ||
    err.code === 'ENOTFOUND' ||
    err.code === 'ETIMEDOUT' ||
    err.code === 'EHOSTUNREACH'
  ) {
    return new AppError(
      'invalid-input',
      `Không kết nối được máy chủ thư ${m.host}:${m.port} (${err.code}). Hãy kiểm tra địa chỉ, cổng và mạng.`,
    );
  }
  if (/NONEXISTENT|doesn't exist|Mailbox doesn't exist/i.test(`${err.responseText ?? ''} ${err.message ?? ''}`)) {
    return new AppError('invalid-input', `Hộp thư không có thư mục "${m.folder}".`);
  }
  // The server's own words (English, often) go to the log with the cause; the user is told what to check.
  return new AppError(
    'invalid-input',
    `Không đọc được hộp thư ${m.user} trên ${m.host}: máy chủ thư từ chối yêu cầu hoặc ngắt kết nối. Hãy thử lại sau; nếu vẫn lỗi, kiểm tra thiết lập hộp thư.`,
    undefined,
    { cause: e },
  );
}

/** A batch of messages fetched at once: at most this many, and at most this many bytes. */
const BATCH_BYTES = 40 * MB;

/**
 * Fetches the messages not yet seen by the app from the watched folder, read-only (nothing on the
 * server is changed or deleted), and imports each like a file, parsed in the parse worker. Only
 * UIDs above the last one imported are fetched, their sizes first, then in batches bounded in count
 * and bytes, each imported before the next is fetched: memory stays flat however many messages wait.
 * A message over the size limit is refused by its size without being downloaded. If the folder's
 * UIDVALIDITY changed, it starts over and the duplicate check keeps anything from being imported twice.
 */
export async function checkMailbox(
  ctx: ServiceContext,
  onProgress?: (done: number, total: number, label: string) => void,
  password?: string,
): Promise<ImportResult[]> {
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
  const results: ImportResult[] = [];
  let uidValidity = m.uidValidity;
  let lastUid = m.lastUid;
  const remember = () => store(ctx, { ...m, uidValidity, lastUid, lastCheckedAt: ctx.clock().toISOString() });
  try {
    await client.connect();
    const box = await client.mailboxOpen(m.folder, { readOnly: true });
    if (String(box.uidValidity) !== m.uidValidity) lastUid = 0;
    uidValidity = String(box.uidValidity);
    const from = lastUid + 1;
    const waiting =
      box.exists > 0
        ? (await client.fetchAll(`${from}:*`, { uid: true, size: true }, { uid: true }))
            .filter((x) => x.uid >= from)
            .sort((a, b) => a.uid - b.uid)
        : [];
    const lookups = await loadImportLookups(ctx.db);
    let done = 0;
    for (const batch of batches(waiting)) {
      const wanted = batch.filter((x) => (x.size ?? 0) <= MAX_REPLY_BYTES);
      const fetched =
        wanted.length > 0
          ? await client.fetchAll(wanted.map((x) => x.uid).join(','), { uid: true, source: true }, { uid: true })
          : [];
      const sources = new Map(fetched.map((x) => [x.uid, x.source]));
      for (const x of batch) {
        onProgress?.(done++, waiting.length, `Thư ${done}/${waiting.length}`);
        const name = `${m.folder}#${x.uid}`;
        const source = sources.get(x.uid);
        const reportAs = `imap:${m.user}/${name}`;
        const oversize = (x.size ?? 0) > MAX_REPLY_BYTES;
        if (oversize || !source) {
          // An oversize message was never fetched: it is refused by its size, not as missing.
          const size = ((x.size ?? 0) / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
          results.push({
            file: reportAs,
            status: 'rejected',
            unitCode: null,
            roundId: null,
            values: 0,
            warnings: [],
            errors: [
              oversize
                ? `Thư ${name} quá lớn (${size} MB; giới hạn ${MAX_REPLY_BYTES / MB} MB); không tải về.`
                : `Máy chủ không trả nội dung thư ${name}.`,
            ],
          });
        } else {
          results.push(
            await importReplySource(
              ctx,
              { fileName: `${name}.eml`, bytes: source },
              { origin: { mailbox: m.folder, uid: x.uid }, lookups },
              reportAs,
            ),
          );
        }
        lastUid = Math.max(lastUid, x.uid);
      }
      await remember();
    }
    await client.logout();
  } catch (e) {
    client.close();
    if (isAppError(e)) throw e;
    throw connectionError(e, m);
  }
  await remember();
  onProgress?.(results.length, results.length, '');
  return results;
}

/** Messages in UID order, cut into batches of at most BATCH messages and BATCH_BYTES bytes. */
function* batches<T extends { size?: number }>(items: T[]): Generator<T[]> {
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Math.min(item.size ?? 0, MAX_REPLY_BYTES);
    if (current.length > 0 && (current.length >= BATCH || bytes + size > BATCH_BYTES)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) yield current;
}
