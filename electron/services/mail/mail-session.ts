import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { AppError } from '../../../shared/errors';
import type { OutgoingKind, SendResult } from '../../../shared/domain/mail';
import { insertOutgoing, listAllUnitAddresses, markInterruptedSends, settleOutgoing } from '../../../db/mail/repo';
import type { ServiceContext } from '../context';
import { loadOutgoingServer, type OutgoingServerSettings } from './outgoing-server';
import { describeSmtpFailure } from './smtp-failure';

/** This run of the app: a message it left 'sending' is its own; one left by another run may have gone. */
export const MAIL_RUN_ID = crypto.randomUUID();

/** Marks what an earlier run left half-sent as "có thể đã gửi". */
export async function settleInterruptedSends(ctx: ServiceContext): Promise<void> {
  await markInterruptedSends(ctx.db, MAIL_RUN_ID);
}

export interface OutgoingMessage {
  kind: OutgoingKind;
  roundId: number | null;
  unitId: number | null;
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  attachment?: { filename: string; content: Buffer; contentType: string };
}

export type Delivery =
  | { status: 'sent'; messageId: string; sentAt: string; note: string | null }
  | { status: 'failed'; messageId: string; error: string; connectionLost: boolean };

/** A delivery as a unit's line of the results: sent with its Message-ID and time, or failed with why. */
export function resultOf(unit: Pick<SendResult, 'unitId' | 'unitCode' | 'unitName' | 'to'>, d: Delivery): SendResult {
  return d.status === 'sent'
    ? { ...unit, status: 'sent', messageId: d.messageId, sentAt: d.sentAt, error: d.note }
    : { ...unit, status: 'failed', messageId: d.messageId, sentAt: null, error: d.error };
}

export interface MailSession {
  server: OutgoingServerSettings;
  /** Records the message, hands it to the server, and records what came of it. */
  deliver(message: OutgoingMessage): Promise<Delivery>;
  close(): void;
}

/**
 * A connection to the office's outgoing server for a batch of messages (one connection, reused). Every
 * message is recorded in the outbox before it is handed over ('sending'), then marked sent or failed;
 * it may only go to an address of the unit list or the office's own.
 */
export async function openMailSession(ctx: ServiceContext): Promise<MailSession> {
  const { settings: server, password } = await loadOutgoingServer(ctx);
  await settleInterruptedSends(ctx);
  const allowed = await listAllUnitAddresses(ctx.db);
  allowed.add(server.fromAddress.toLowerCase());
  const domain = server.fromAddress.split('@')[1] || 'pcmd.local';
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(server.user ? { auth: { user: server.user, pass: password ?? '' } } : {}),
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  return {
    server,
    async deliver(m) {
      const strangers = m.to.filter((t) => !allowed.has(t.address.toLowerCase()));
      if (strangers.length > 0 || m.to.length === 0)
        throw new AppError(
          'invalid-input',
          m.to.length === 0
            ? 'Thư chưa có người nhận.'
            : `Không gửi đến ${strangers.map((t) => t.address).join(', ')}: phần mềm chỉ gửi thư đến địa chỉ có trong danh sách đơn vị hoặc địa chỉ của cơ quan.`,
        );
      const messageId = `<${crypto.randomUUID()}@${domain}>`;
      const rowId = await insertOutgoing(ctx.db, {
        kind: m.kind,
        roundId: m.roundId,
        unitId: m.unitId,
        messageId,
        to: m.to.map((t) => t.address),
        subject: m.subject,
        body: m.text,
        attachment: m.attachment?.filename ?? null,
        runId: MAIL_RUN_ID,
        createdAt: ctx.clock().toISOString(),
      });
      try {
        const info = await transport.sendMail({
          messageId,
          from: { name: server.fromName, address: server.fromAddress },
          to: m.to,
          subject: m.subject,
          text: m.text,
          date: ctx.clock(),
          ...(m.attachment
            ? {
                attachments: [m.attachment],
              }
            : {}),
        });
        const sentAt = ctx.clock().toISOString();
        await settleOutgoing(ctx.db, rowId, { status: 'sent', sentAt });
        const rejected = (info.rejected ?? []).map((r) =>
          String(typeof r === 'string' ? r : (r as { address: string }).address),
        );
        return {
          status: 'sent',
          messageId,
          sentAt,
          note:
            rejected.length > 0
              ? `Máy chủ từ chối địa chỉ ${rejected.join(', ')}; thư đã gửi đến các địa chỉ còn lại.`
              : null,
        };
      } catch (e) {
        const failure = describeSmtpFailure(e, server);
        await settleOutgoing(ctx.db, rowId, { status: 'failed', error: failure.message });
        return { status: 'failed', messageId, error: failure.message, connectionLost: failure.connectionLost };
      }
    },
    close() {
      transport.close();
    },
  };
}
