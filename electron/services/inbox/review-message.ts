import { AppError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { getMessageRecord } from '../../../db/email/repo';
import { readOriginal } from '../files/file-store';
import { readParts } from './read-parts';
import { importReplySource, type RowChoice } from './import-reply';

/** Review: the user says which unit (and round) sent a message; its stored original is read again with that. */
export async function reviewMessage(
  ctx: ServiceContext,
  input: { messageId: number; unitId: number; roundId?: number; rowChoices?: RowChoice[] },
): Promise<ImportResult> {
  const m = await getMessageRecord(ctx.db, input.messageId);
  if (!m || m.source_file_id === null)
    throw new AppError('not-found', `Không có thư số ${input.messageId} trong hộp thư đến.`);
  const original = await readOriginal(ctx.db, m.source_file_id, readParts);
  return importReplySource(
    ctx,
    { fileName: original.name, bytes: original.bytes },
    {
      unitId: input.unitId,
      ...(input.roundId !== undefined ? { roundId: input.roundId } : {}),
      ...(input.rowChoices ? { rowChoices: input.rowChoices } : {}),
      messageRowId: m.id,
    },
  );
}
