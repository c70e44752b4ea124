import type { MailPreview, RoundMailKind, SendResult } from '../../../shared/domain/mail';
import { formsLetter, reminderLetter, type Letter } from '../../../shared/domain/round-letters';
import type { RoundSummary, SubmissionEntry } from '../../../shared/domain/rounds';
import { getFormVersionRows } from '../../../db/forms/repo';
import { lastOutgoingByUnit } from '../../../db/mail/repo';
import type { ServiceContext } from '../context';
import { getRound, listSubmissions } from '../rounds/completeness';
import { templateSecret } from '../templates/identity-signature';
import { unitTemplateFile, unitTemplateFileName } from '../templates/export-templates';
import { getOutgoingServer } from './outgoing-server';
import { openMailSession, resultOf, settleInterruptedSends } from './mail-session';

export interface RoundMailInput {
  roundId: number;
  kind: RoundMailKind;
  /** Only these units (by id); all the kind concerns otherwise. */
  unitIds?: number[];
  /** Send again to units already sent this kind (for a reminder: already reminded today). */
  again?: boolean;
  /** The covering letter's number and date, named in the forms' letter ("Công văn số 12/SYT-NV ngày …"). */
  coverLetter?: string | null;
}

/** Units a reminder goes to: those whose report has not come, or was returned to be done again. */
const owing = new Set<SubmissionEntry['status']>(['expected', 'returned']);

interface Planned {
  unit: SubmissionEntry;
  letter: Letter;
  attachment: string | null;
  plan: MailPreview['plan'];
  last: MailPreview['last'];
}

async function plan(ctx: ServiceContext, input: RoundMailInput): Promise<{ round: RoundSummary; planned: Planned[] }> {
  await settleInterruptedSends(ctx);
  const round = await getRound(ctx, input.roundId);
  const today = ctx.clock().toISOString().slice(0, 10);
  const chosen = input.unitIds ? new Set(input.unitIds) : null;
  const units = (await listSubmissions(ctx, input.roundId)).filter(
    (u) => (chosen === null || chosen.has(u.unitId)) && (input.kind === 'forms' || owing.has(u.status)),
  );
  const kind = input.kind === 'forms' ? 'forms' : 'reminder';
  const last = await lastOutgoingByUnit(ctx.db, input.roundId, kind);
  const signature = (await getOutgoingServer(ctx))?.signature ?? '';
  const planned = units.map((unit): Planned => {
    const before = last.get(unit.unitId) ?? null;
    // Forms go once (a message that may have gone counts as gone); a reminder once a day.
    const done =
      before !== null &&
      before.status !== 'failed' &&
      (kind === 'forms' || (before.sentAt ?? before.createdAt).slice(0, 10) === today);
    return {
      unit,
      letter:
        input.kind === 'forms'
          ? formsLetter(round, unit.unitName, { coverLetter: input.coverLetter, signature })
          : reminderLetter(round, [unit.unitName], today, signature),
      attachment: input.kind === 'forms' ? unitTemplateFileName(round, unit) : null,
      plan: unit.unitEmails.length === 0 ? 'no-address' : done && !input.again ? 'skip' : 'send',
      last: before
        ? { at: before.sentAt ?? before.createdAt, status: before.status, messageId: before.messageId }
        : null,
    };
  });
  return { round, planned };
}

/** What sending would do, unit by unit: every message as it will go, before anything is sent. */
export async function previewRoundMail(ctx: ServiceContext, input: RoundMailInput): Promise<MailPreview[]> {
  const { planned } = await plan(ctx, input);
  return planned.map((p) => ({
    unitId: p.unit.unitId,
    unitCode: p.unit.unitCode,
    unitName: p.unit.unitName,
    to: p.unit.unitEmails,
    subject: p.letter.subject,
    text: p.letter.text,
    attachment: p.attachment,
    plan: p.plan,
    last: p.last,
  }));
}

/**
 * Sends a round's forms (each unit its own workbook) or reminders, one message per unit, through the
 * office's server. A unit already sent is skipped unless asked again; a unit without an address is listed;
 * a refused recipient fails that unit only; a lost connection stops the batch, the rest left unsent.
 */
export async function sendRoundMail(
  ctx: ServiceContext,
  input: RoundMailInput,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<SendResult[]> {
  const { round, planned } = await plan(ctx, input);
  const toSend = planned.filter((p) => p.plan === 'send').length;
  const rows = input.kind === 'forms' ? await getFormVersionRows(ctx.db, round.formVersionId) : [];
  const secret = input.kind === 'forms' ? await templateSecret(ctx.db) : '';
  const generatedAt = ctx.clock().toISOString();
  const results: SendResult[] = [];
  const unitOf = (p: Planned) => ({
    unitId: p.unit.unitId,
    unitCode: p.unit.unitCode,
    unitName: p.unit.unitName,
    to: p.unit.unitEmails,
  });
  const result = (p: Planned, r: Pick<SendResult, 'status' | 'messageId' | 'sentAt' | 'error'>): SendResult => ({
    ...unitOf(p),
    ...r,
  });
  const session = toSend > 0 ? await openMailSession(ctx) : null;
  let stopped: string | null = null;
  let done = 0;
  try {
    for (const p of planned) {
      if (p.plan === 'no-address') {
        results.push(result(p, { status: 'no-address', messageId: null, sentAt: null, error: null }));
        continue;
      }
      if (p.plan === 'skip') {
        results.push(
          result(p, {
            status: 'skipped',
            messageId: p.last?.messageId ?? null,
            sentAt: p.last?.at ?? null,
            error: null,
          }),
        );
        continue;
      }
      if (stopped !== null) {
        results.push(result(p, { status: 'failed', messageId: null, sentAt: null, error: stopped }));
        continue;
      }
      onProgress?.(done, toSend, `Đang gửi thư ${done + 1}/${toSend}: ${p.unit.unitName}`);
      const attachment =
        input.kind === 'forms' ? await unitTemplateFile(round, rows, p.unit, generatedAt, secret) : null;
      const d = await session!.deliver({
        kind: input.kind === 'forms' ? 'forms' : 'reminder',
        roundId: round.id,
        unitId: p.unit.unitId,
        to: p.unit.unitEmails.map((address) => ({ name: p.unit.unitName, address })),
        subject: p.letter.subject,
        text: p.letter.text,
        ...(attachment
          ? {
              attachment: {
                filename: attachment.fileName,
                content: attachment.content,
                contentType: attachment.contentType,
              },
            }
          : {}),
      });
      done++;
      results.push(resultOf(unitOf(p), d));
      if (d.status === 'failed' && d.connectionLost)
        stopped = `Chưa gửi: việc gửi dừng lại sau lỗi khi gửi thư cho ${p.unit.unitName}. Gửi lại sau khi khắc phục; thư đã gửi không bị gửi lần nữa.`;
    }
    onProgress?.(done, toSend, `Đã gửi ${results.filter((r) => r.status === 'sent').length}/${toSend} thư`);
  } finally {
    session?.close();
  }
  return results;
}
