import { listTargetDefinitions } from '../../../db/plans/repo';
import { vietnamDay } from '../../../shared/clock';
import { AppError } from '../../../shared/errors';
import type { TargetEvaluation } from '../../../shared/domain/targets';
import type { ServiceContext } from '../context';
import { EvaluationMemo, evaluateTarget, targetYears } from './evaluate-target';
import { loadTargetFigures } from './target-figures';
import { boundarySentence, figuresInBoundaries, type BoundaryNote } from './figures-in-boundaries';
import { loadBoundary } from '../../../db/units/history-repo';
import type { Boundary } from '../../../shared/domain/boundaries';
import { formatDate } from '../../../shared/text/format-vi';

export interface EvaluateOptions {
  planId?: number;
  targetId?: number;
  /** The day the evaluation stands on (YYYY-MM-DD): later years are left out, the current one is still running. Today by default. */
  asOf?: string;
  /**
   * Read every year's figures in the units as they were on this day ("as the province was on
   * 1/1/2024", or today after a merger); by default each year's figures as the units reported them.
   */
  boundaryDate?: string;
  /** The province of that day, by code, when there were several (before a merger of provinces). */
  province?: string;
}

/** Every target × year × scope of the plans asked for, evaluated from the stored figures. */
export async function evaluateTargets(ctx: Pick<ServiceContext, 'db' | 'clock'>, options: EvaluateOptions = {}): Promise<TargetEvaluation[]> {
  const asOf = options.asOf ?? vietnamDay(ctx.clock());
  const targets = await listTargetDefinitions(ctx.db, options);
  if (options.planId !== undefined && targets.length === 0) {
    const plan = await ctx.db.selectFrom('plan').select('id').where('id', '=', options.planId).executeTakeFirst();
    if (!plan) throw new AppError('not-found', `Không có kế hoạch số ${options.planId}.`);
  }
  const indicatorIds = [...new Set(targets.flatMap((t) => [t.indicatorId, t.denominatorIndicatorId]).filter((x): x is number => x !== null))];
  const registers = [...new Set(targets.map((t) => t.denominatorRegister).filter((x): x is string => x !== null))];
  const figures = await loadTargetFigures(ctx.db, indicatorIds, registers);
  let note: BoundaryNote | null = null;
  if (options.boundaryDate !== undefined) {
    const boundary = await loadBoundary(ctx.db, options.boundaryDate);
    note = figuresInBoundaries(figures, boundary, provinceOfDay(boundary, options.province));
  }
  const out: TargetEvaluation[] = [];
  const memo = new EvaluationMemo(figures);
  for (const t of targets) {
    for (const year of targetYears(t, asOf)) {
      const evaluations = evaluateTarget(t, year, figures, asOf, memo);
      if (note) for (const e of evaluations) e.explanation = `${e.explanation} ${boundarySentence(note, year)}`;
      out.push(...evaluations);
    }
  }
  return out;
}

/**
 * The province whose figures are evaluated in the boundaries of a day: the only one of that day,
 * the one with the code asked for, or (before a merger) the one with today's province's code.
 */
function provinceOfDay(boundary: Boundary, code: string | undefined): number | null {
  const provinces = boundary.unitsOfDay().filter((u) => u.kind === 'province' && boundary.parentOn(u.id) === null);
  const list = provinces.map((p) => `${p.code} ${p.name}`).join(', ');
  if (code !== undefined) {
    const chosen = provinces.find((p) => p.code === code);
    if (!chosen) throw new AppError('invalid-input', `Ngày ${formatDate(boundary.day)} không có tỉnh mã "${code}"${list ? ` (có: ${list})` : ''}.`);
    return chosen.id;
  }
  if (provinces.length <= 1) return provinces[0]?.id ?? null;
  const today = new Set(boundary.all().filter((u) => u.kind === 'province' && u.validTo === null).map((u) => u.code));
  const same = provinces.filter((p) => today.has(p.code));
  if (same.length === 1) return same[0]!.id;
  throw new AppError('invalid-input', `Ngày ${formatDate(boundary.day)} có ${provinces.length} tỉnh (${list}); hãy chọn tỉnh cần đánh giá.`);
}
