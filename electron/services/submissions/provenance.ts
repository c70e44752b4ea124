import { AppError } from '../../../shared/errors';
import type { ValueProvenance } from '../../../shared/domain/history';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { findSubmission } from './find-submission';
import { listHistory } from './history';

/** Where one figure came from: the message, file, sheet and cell, and every change since. */
export async function getValueProvenance(
  ctx: ServiceContext,
  input: { roundId: number; unitId: number; indicatorId: number },
): Promise<ValueProvenance> {
  const round = await getRound(ctx, input.roundId);
  const sub = await findSubmission(ctx.db, input.roundId, input.unitId);
  const row = await ctx.db
    .selectFrom('form_row')
    .select(['text', 'numbering'])
    .where('form_version_id', '=', round.formVersionId)
    .where('indicator_id', '=', input.indicatorId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Chỉ tiêu ${input.indicatorId} không thuộc biểu mẫu của đợt này.`);
  const v = await ctx.db
    .selectFrom('data_value as d')
    .leftJoin('stored_file as f', 'f.id', 'd.source_file_id')
    .leftJoin('submission_revision as rev', 'rev.id', 'd.revision_id')
    .leftJoin('email_message as m', 'm.id', 'rev.email_message_id')
    .select([
      'd.num_value',
      'd.text_value',
      'd.comment',
      'd.source_file_id',
      'd.source_sheet',
      'd.source_cell',
      'f.original_name',
      'rev.number',
      'm.id as message_id',
      'm.from_address',
      'm.from_name',
      'm.subject',
      'm.sent_at',
      'm.imported_at',
    ])
    .where('d.submission_id', '=', sub.id)
    .where('d.indicator_id', '=', input.indicatorId)
    .executeTakeFirst();
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
