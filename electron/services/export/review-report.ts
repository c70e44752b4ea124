import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { safeFileStem } from '../files/safe-name';
import { saveAs } from '../files/save-as';
import { listPlans } from '../plans/list-plans';
import { getOfficeProfile } from '../settings/office-profile';
import { evaluateTargets } from '../targets/evaluate-targets';
import { appendixFromRound } from './appendix-from-round';
import { writeReviewReportDocx } from './write-review-report';
import type { BoundaryChoice } from '../targets/figures-in-boundaries';

export interface ReviewReportRequest extends BoundaryChoice {
  planId: number;
  /** The round whose figures go in the appendix; none leaves the appendix out. */
  roundId?: number;
  /** The day the targets are evaluated on; today by default. */
  asOf?: string;
  byUnit?: boolean;
}

/** The draft report on a plan's results as a .docx, with the chosen round's appendix after it. */
export async function exportReviewReport(
  ctx: ServiceContext,
  request: ReviewReportRequest,
): Promise<{ fileName: string; bytes: Buffer }> {
  const plan = (await listPlans(ctx)).find((p) => p.id === request.planId);
  if (!plan) throw new AppError('not-found', `Không có kế hoạch số ${request.planId}.`);
  // In the boundaries of a day when asked: the targets and the appendix alike, each saying so.
  const boundary: BoundaryChoice = { boundaryDate: request.boundaryDate, province: request.province };
  const evaluations = await evaluateTargets(ctx, {
    planId: plan.id,
    ...(request.asOf ? { asOf: request.asOf } : {}),
    ...boundary,
  });
  const office = await getOfficeProfile(ctx.db);
  const appendix =
    request.roundId !== undefined
      ? (await appendixFromRound(ctx, request.roundId, { byUnit: request.byUnit ?? false, ...boundary })).table
      : undefined;
  const bytes = await writeReviewReportDocx({ plan, evaluations, office, ...(appendix ? { appendix } : {}) });
  return { fileName: `${safeFileStem('bao-cao', plan.title)}.docx`, bytes };
}

/** Asks where to save the draft report; null when the user cancels. */
export async function saveReviewReport(ctx: ServiceContext, request: ReviewReportRequest): Promise<string | null> {
  const { fileName, bytes } = await exportReviewReport(ctx, request);
  return saveAs(
    ctx,
    {
      title: 'Lưu dự thảo báo cáo',
      defaultName: fileName,
      filterName: 'Word (.docx)',
      extension: 'docx',
      madeByApp: true,
    },
    bytes,
  );
}
