import { AppError } from '../../../shared/errors';
import type { ValueProvenance } from '../../../shared/domain/history';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { findSubmission } from '../../../db/submissions/find-submission';
import { listHistory } from '../../../db/submissions/history-repo';
import { getValueSource } from '../../../db/submissions/repo';
import { getFormVersionRows } from '../../../db/forms/repo';

/** Where one figure came from: the message, file, sheet and cell, and every change since. */
export async function getValueProvenance(
  ctx: ServiceContext,
  input: { roundId: number; unitId: number; indicatorId: number },
): Promise<ValueProvenance> {
  const round = await getRound(ctx, input.roundId);
  const sub = await findSubmission(ctx.db, input.roundId, input.unitId);
  const row = (await getFormVersionRows(ctx.db, round.formVersionId)).find((r) => r.indicatorId === input.indicatorId);
  if (!row) throw new AppError('not-found', `Chỉ tiêu ${input.indicatorId} không thuộc biểu mẫu của đợt này.`);
  const v = await getValueSource(ctx.db, sub.id, input.indicatorId);
  return {
    roundName: round.name,
    unitName: sub.unitName,
    rowText: row.text,
    numbering: row.numbering,
    value: v ? (v.num_value ?? v.text_value) : null,
    comment: v?.comment ?? null,
    source:
      v && v.original_name && v.source_file_id !== null
        ? {
            fileId: v.source_file_id,
            fileName: v.original_name,
            sheet: v.source_sheet,
            cell: v.source_cell,
            revision: v.number,
            message:
              v.message_id !== null
                ? {
                    from: v.from_name ? `${v.from_name} <${v.from_address ?? ''}>` : v.from_address,
                    subject: v.subject,
                    sentAt: v.sent_at,
                    importedAt: v.imported_at!,
                  }
                : null,
          }
        : null,
    history: await listHistory(ctx.db, {
      roundId: input.roundId,
      unitId: input.unitId,
      indicatorId: input.indicatorId,
    }),
  };
}
