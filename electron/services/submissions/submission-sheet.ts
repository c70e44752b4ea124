import { getFormVersionRows } from '../../../db/forms/repo';
import type { SheetRow, SubmissionEvent, SubmissionSheet } from '../../../shared/domain/submissions';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { findSubmission } from '../../../db/submissions/find-submission';
import { listSubmissionEvents, listSubmissionProblems, listSubmissionValues } from '../../../db/submissions/repo';
import { previousFigures } from '../../../db/rounds/previous-round';

/** One unit's answer in a round: the form's rows with the figure, last period's figure, comment and findings. */
export async function getSubmissionSheet(
  ctx: ServiceContext,
  roundId: number,
  unitId: number,
): Promise<SubmissionSheet> {
  const round = await getRound(ctx, roundId);
  const sub = await findSubmission(ctx.db, roundId, unitId);
  const formRows = await getFormVersionRows(ctx.db, round.formVersionId);
  const values = await listSubmissionValues(ctx.db, sub.id);
  const valueOf = new Map(values.map((v) => [v.indicator_id, v]));
  const problems = await listSubmissionProblems(ctx.db, sub.id);
  const indicatorIds = formRows.flatMap((r) => (r.indicatorId === null ? [] : [r.indicatorId]));
  const previous = await previousFigures(ctx.db, round, unitId, indicatorIds);
  const events = await listSubmissionEvents(ctx.db, sub.id);

  const rows: SheetRow[] = formRows.map((r) => {
    const v = r.indicatorId === null ? undefined : valueOf.get(r.indicatorId);
    return {
      row: r.row,
      numbering: r.numbering,
      text: r.text,
      unit: r.unit,
      level: r.level,
      valueRow: r.valueRow,
      valueType: r.valueType,
      indicatorId: r.indicatorId,
      value: v ? (v.num_value ?? v.text_value) : null,
      previous: r.indicatorId === null ? null : (previous.byIndicator.get(r.indicatorId) ?? null),
      comment: v?.comment ?? null,
      problems: problems
        .filter((p) => p.indicator_id !== null && p.indicator_id === r.indicatorId)
        .map((p) => ({ severity: p.severity, message: p.message })),
      origin:
        !v || (v.num_value === null && v.text_value === null) ? null : v.source_file_id !== null ? 'file' : 'manual',
    };
  });
  const rowIndicators = new Set(indicatorIds);
  return {
    roundId,
    roundName: round.name,
    periodLabel: round.periodLabel,
    previousPeriod: previous.periodCode,
    unitId,
    unitCode: sub.unitCode,
    unitName: sub.unitName,
    status: sub.status,
    locked: sub.locked,
    receivedAt: sub.receivedAt,
    rows,
    otherProblems: problems
      .filter((p) => p.indicator_id === null || !rowIndicators.has(p.indicator_id))
      .map((p) => ({ severity: p.severity, message: p.message })),
    events: events.map((e): SubmissionEvent => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      at: e.at,
      reason: e.reason,
    })),
  };
}
