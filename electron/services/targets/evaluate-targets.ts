import { listTargetDefinitions } from '../../../db/plans/repo';
import { vietnamDay } from '../../../shared/clock';
import { AppError } from '../../../shared/errors';
import type { TargetEvaluation } from '../../../shared/domain/targets';
import type { ServiceContext } from '../context';
import { EvaluationMemo, evaluateTarget, targetYears } from './evaluate-target';
import { loadTargetFigures } from './target-figures';
import { boundarySentence, placeInBoundaries, type BoundaryChoice } from './figures-in-boundaries';
import { planExists } from '../../../db/plans/repo';

export interface EvaluateOptions extends BoundaryChoice {
  planId?: number;
  targetId?: number;
  /** The day the evaluation stands on (YYYY-MM-DD): later years are left out, the current one is still running. Today by default. */
  asOf?: string;
}

/** Every target × year × scope of the plans asked for, evaluated from the stored figures. */
export async function evaluateTargets(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  options: EvaluateOptions = {},
): Promise<TargetEvaluation[]> {
  const asOf = options.asOf ?? vietnamDay(ctx.clock());
  const targets = await listTargetDefinitions(ctx.db, options);
  if (options.planId !== undefined && targets.length === 0) {
    if (!(await planExists(ctx.db, options.planId)))
      throw new AppError('not-found', `Không có kế hoạch số ${options.planId}.`);
  }
  const indicatorIds = [
    ...new Set(
      targets.flatMap((t) => [t.indicatorId, t.denominatorIndicatorId]).filter((x): x is number => x !== null),
    ),
  ];
  const registers = [...new Set(targets.map((t) => t.denominatorRegister).filter((x): x is string => x !== null))];
  const figures = await loadTargetFigures(ctx.db, indicatorIds, registers);
  const note = await placeInBoundaries(ctx.db, figures, options);
  const out: TargetEvaluation[] = [];
  const memo = new EvaluationMemo(figures);
  for (const t of targets) {
    const years = targetYears(t, asOf);
    for (const year of years) {
      const evaluations = evaluateTarget(t, year, figures, asOf, memo);
      if (note) for (const e of evaluations) e.explanation = `${e.explanation} ${boundarySentence(note, year)}`;
      out.push(...evaluations);
    }
    // A final review over a span within the target's years ("2016-2020" for a target to 2020) is
    // evaluated as a period of its own, from the review's figures for the span as a whole.
    for (const span of figures.spans) {
      if (years.length === 0 || span.from < years[0]! || span.to > years.at(-1)!) continue;
      const evaluations = evaluateTarget(t, span.to, figures, asOf, memo, span);
      if (note) for (const e of evaluations) e.explanation = `${e.explanation} ${boundarySentence(note, span.code)}`;
      out.push(...evaluations);
    }
  }
  return out;
}
