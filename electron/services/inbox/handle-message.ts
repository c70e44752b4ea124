import { AppError } from '../../../shared/errors';
import { getMessageState, setMessageHandled } from '../../../db/email/repo';
import type { ServiceContext } from '../context';

/**
 * "Không cần nhập số liệu": a message that needs review but carries no figures to import (a question
 * about the form, a reply that only acknowledges) is marked as dealt with, with the clerk's note.
 * Nothing is imported; the message and its original stay as they came.
 */
export async function markMessageHandled(
  ctx: ServiceContext,
  input: { messageId: number; note: string },
): Promise<void> {
  const m = await getMessageState(ctx.db, input.messageId);
  if (!m) throw new AppError('not-found', `Không có thư số ${input.messageId} trong hộp thư đến.`);
  if (m.status !== 'needs-review' && m.status !== 'rejected')
    throw new AppError(
      'conflict',
      'Thư này đã được nhập số liệu; chỉ thư cần xem lại hoặc bị lỗi mới đánh dấu "không cần nhập".',
    );
  await setMessageHandled(ctx.db, m.id, { at: ctx.clock().toISOString(), note: input.note.trim() });
}

/** Returns a message marked as dealt with to review. */
export async function reopenMessage(ctx: ServiceContext, messageId: number): Promise<void> {
  const m = await getMessageState(ctx.db, messageId);
  if (!m) throw new AppError('not-found', `Không có thư số ${messageId} trong hộp thư đến.`);
  await setMessageHandled(ctx.db, m.id, null);
}
