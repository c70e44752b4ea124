import { AppError } from '../../../shared/errors';
import type { MailSecurity, OutgoingServerView } from '../../../shared/domain/mail';
import { readSetting, writeSetting } from '../../../db/settings/repo';
import type { ServiceContext } from '../context';

/** The office's outgoing (SMTP) server: where its mail goes out, and as whom. */
export interface OutgoingServerSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  fromAddress: string;
  fromName: string;
  signature: string;
  receipts: boolean;
}

interface StoredServer extends OutgoingServerSettings {
  /** Protected by the operating system's safe storage; never in clear. */
  password: string | null;
  /** Set from the command line: the environment variable the password is read from when sending. */
  passwordEnv?: string | null;
}

const KEY = 'outgoing-server';

async function load(ctx: ServiceContext): Promise<StoredServer | null> {
  const value = await readSetting(ctx.db, KEY);
  return value !== null ? (JSON.parse(value) as StoredServer) : null;
}

function view(s: StoredServer): OutgoingServerView {
  return {
    host: s.host,
    port: s.port,
    security: s.security,
    user: s.user,
    hasPassword: s.password !== null || Boolean(s.passwordEnv),
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    signature: s.signature,
    receipts: s.receipts,
  };
}

export async function getOutgoingServer(ctx: ServiceContext): Promise<OutgoingServerView | null> {
  const s = await load(ctx);
  return s ? view(s) : null;
}

/**
 * Saves the server; the password only through the system's safe storage (from the window), or as the
 * name of an environment variable to read it from (from the command line, which has no safe storage);
 * kept when not given again for the same account.
 */
export async function saveOutgoingServer(
  ctx: ServiceContext,
  input: OutgoingServerSettings & { password?: string; passwordEnv?: string },
): Promise<OutgoingServerView> {
  const old = await load(ctx);
  const sameAccount = old && old.host === input.host.trim() && old.user === input.user.trim();
  const stored: StoredServer = {
    host: input.host.trim(),
    port: input.port,
    security: input.security,
    user: input.user.trim(),
    fromAddress: input.fromAddress.trim().toLowerCase(),
    fromName: input.fromName.trim(),
    signature: input.signature.trim(),
    receipts: input.receipts,
    password: input.password
      ? ctx.platform.protectSecret(input.password)
      : sameAccount && !input.passwordEnv
        ? old.password
        : null,
    passwordEnv: input.passwordEnv ?? (sameAccount && !input.password ? (old.passwordEnv ?? null) : null),
  };
  await writeSetting(ctx.db, KEY, JSON.stringify(stored));
  return view(stored);
}

/** The server with its password readable, for the transport only (never returned to the window). */
export async function loadOutgoingServer(
  ctx: ServiceContext,
): Promise<{ settings: OutgoingServerSettings; password: string | null }> {
  const s = await load(ctx);
  if (!s)
    throw new AppError(
      'invalid-input',
      'Chưa thiết lập máy chủ gửi thư của cơ quan (Cài đặt → Máy chủ gửi thư): chưa gửi được thư nào.',
    );
  const { password, passwordEnv, ...settings } = s;
  if (passwordEnv) {
    const fromEnv = process.env[passwordEnv];
    if (!fromEnv)
      throw new AppError(
        'invalid-input',
        `Chưa có mật khẩu gửi thư: biến môi trường ${passwordEnv} (đã ghi khi thiết lập bằng dòng lệnh) đang trống.`,
      );
    return { settings, password: fromEnv };
  }
  return { settings, password: password === null ? null : ctx.platform.revealSecret(password) };
}
