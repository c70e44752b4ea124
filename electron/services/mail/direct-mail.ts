import { AppError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { SendResult, SentMail } from '../../../shared/domain/mail';
import { formatDate } from '../../../shared/text/format-vi';
import { getUnitRow, listCurrentUnitsByCode, listEmails } from '../../../db/units/repo';
import { listOutgoing } from '../../../db/mail/repo';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { draftCorrectionRequest } from '../submissions/correction-request';
import { getOutgoingServer } from './outgoing-server';
import {
  openMailSession,
  resultOf,
  settleInterruptedSends,
  type MailSession,
  type OutgoingMessage,
} from './mail-session';
import { receiptLetter, signed } from '../../../shared/domain/round-letters';

async function sendOne(ctx: ServiceContext, message: (s: MailSession) => OutgoingMessage) {
  const session = await openMailSession(ctx);
  try {
    return await session.deliver(message(session));
  } finally {
    session.close();
  }
}

/** "Gửi thử": a message to the office's own address, to see the server takes its mail. */
export async function sendTestMail(ctx: ServiceContext): Promise<{ to: string; messageId: string; sentAt: string }> {
  const d = await sendOne(ctx, (s) => ({
    kind: 'test',
    roundId: null,
    unitId: null,
    to: [{ name: s.server.fromName, address: s.server.fromAddress }],
    subject: 'Thư thử từ phần mềm Thường trực phòng, chống mại dâm',
    text: signed(
      [
        `Thư này được gửi thử ngày ${formatDate(ctx.clock().toISOString())} để kiểm tra thiết lập máy chủ gửi thư của cơ quan. Nhận được thư này nghĩa là phần mềm gửi được thư cho các đơn vị.`,
      ],
      s.server.signature,
    ),
  }));
  if (d.status === 'failed') throw new AppError('invalid-input', d.error);
  return { to: (await getOutgoingServer(ctx))!.fromAddress, messageId: d.messageId, sentAt: d.sentAt };
}

/** "Soạn đề nghị sửa", sent: the request (as the clerk adjusted it) to the unit's addresses. */
export async function sendCorrectionRequest(
  ctx: ServiceContext,
  input: { roundId: number; unitId: number; text?: string },
): Promise<SendResult> {
  const request = await draftCorrectionRequest(ctx, input.roundId, input.unitId);
  const round = await getRound(ctx, input.roundId);
  const unit = await getUnitRow(ctx.db, input.unitId);
  const base = { unitId: input.unitId, unitCode: unit?.code ?? '', unitName: request.unitName, to: request.to };
  if (request.to.length === 0) return { ...base, status: 'no-address', messageId: null, sentAt: null, error: null };
  const d = await sendOne(ctx, (s) => ({
    kind: 'correction',
    roundId: round.id,
    unitId: input.unitId,
    to: request.to.map((address) => ({ name: request.unitName, address })),
    subject: request.subject,
    text: signed([input.text ?? request.text], s.server.signature),
  }));
  return resultOf(base, d);
}

/**
 * Receipts, when the office turned them on: after an import, a short acknowledgement to each unit whose
 * report was read (to the unit's listed addresses only), with how many figures were read and what to fix.
 * A failure to send is recorded in the outbox and never undoes or fails the import.
 */
export async function sendReceipts(ctx: ServiceContext, results: ImportResult[]): Promise<SendResult[]> {
  const server = await getOutgoingServer(ctx);
  const read = results.filter(
    (r) =>
      (r.status === 'imported' || r.status === 'needs-review') &&
      r.unitCode !== null &&
      r.roundId !== null &&
      r.values > 0,
  );
  if (!server?.receipts || read.length === 0) return [];
  const units = await listCurrentUnitsByCode(ctx.db);
  const sent: SendResult[] = [];
  let session: MailSession | null = null;
  try {
    for (const r of read) {
      const unit = units.get(r.unitCode!);
      if (!unit) continue;
      const to = await listEmails(ctx.db, unit.id);
      const base = { unitId: unit.id, unitCode: unit.code, unitName: unit.name, to };
      if (to.length === 0) {
        sent.push({ ...base, status: 'no-address', messageId: null, sentAt: null, error: null });
        continue;
      }
      const round = await getRound(ctx, r.roundId!);
      session ??= await openMailSession(ctx);
      const letter = receiptLetter(round, unit.name, r, session.server.signature);
      const d = await session.deliver({
        kind: 'receipt',
        roundId: round.id,
        unitId: unit.id,
        to: to.map((address) => ({ name: unit.name, address })),
        subject: letter.subject,
        text: letter.text,
      });
      sent.push(resultOf(base, d));
      if (d.status === 'failed' && d.connectionLost) break;
    }
  } catch (e) {
    // No server, or it refused at once: the receipts wait; the import stands.
    sent.push({
      unitId: 0,
      unitCode: '',
      unitName: '',
      to: [],
      status: 'failed',
      messageId: null,
      sentAt: null,
      error: e instanceof Error ? e.message : String(e),
    });
  } finally {
    session?.close();
  }
  return sent;
}

/** A round's sent mail (or all the office's, for null), newest first, as the log lists and exports it. */
export async function listSentMail(ctx: ServiceContext, roundId: number | null): Promise<SentMail[]> {
  await settleInterruptedSends(ctx);
  return (await listOutgoing(ctx.db, roundId)).map((o) => ({
    id: o.id,
    kind: o.kind,
    roundId: o.roundId,
    unitId: o.unitId,
    unitCode: o.unitCode,
    unitName: o.unitName,
    to: o.to,
    subject: o.subject,
    attachment: o.attachment,
    status: o.status,
    error: o.error,
    messageId: o.messageId,
    createdAt: o.createdAt,
    sentAt: o.sentAt,
  }));
}
