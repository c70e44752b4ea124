import type { Db } from '../../../db/schema';
import {
  existingIds,
  existingRegisterCodes,
  deleteTargetRow,
  findTargetPlan,
  insertPlan,
  insertTarget,
  insertTask,
  nextTargetPosition,
  planExists,
  targetCodeTaken,
  updateTargetRow,
} from '../../../db/plans/repo';
import type { PlanInput, TargetInput } from '../../../shared/api/plan-inputs';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { ServiceContext } from '../context';

/** Stores a plan the office confirmed, with its targets and tasks, all or nothing. */
export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<number> {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await refuseUnknownReferences(trx, input);
    const planId = await insertPlan(trx, {
      programme_id: input.programmeId,
      doc_number: input.docNumber,
      doc_date: input.docDate,
      issuer: input.issuer,
      signer: input.signer,
      type: input.type,
      title: input.title,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      legal_basis: input.legalBasis,
      full_text: input.fullText,
      created_at: now,
    });
    const codes = new Set<string>();
    for (const [i, t] of input.targets.entries()) {
      if (codes.has(t.code))
        throw new AppError(
          'invalid-input',
          `Hai chỉ tiêu cùng ký hiệu "${t.code}"; mỗi chỉ tiêu cần một ký hiệu riêng.`,
        );
      codes.add(t.code);
      await insertTarget(trx, { plan_id: planId, position: i + 1, ...targetColumns(t) });
    }
    for (const [i, t] of input.tasks.entries()) {
      await insertTask(
        trx,
        {
          plan_id: planId,
          position: i + 1,
          content: t.content,
          lead_unit_id: t.leadUnitId,
          lead_text: t.leadText,
          deadline: t.deadline,
        },
        [...new Set(t.coordinatorIds)],
      );
    }
    return planId;
  });
}

/** Adds a target to a plan, after its last one. */
export async function addTarget(ctx: ServiceContext, planId: number, input: TargetInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await planExists(trx, planId))) throw new AppError('not-found', `Không có kế hoạch số ${planId}.`);
    await refuseUnknownReferences(trx, { targets: [input], tasks: [] });
    await refuseDuplicateCode(trx, planId, input.code, null);
    const position = await nextTargetPosition(trx, planId);
    return insertTarget(trx, { plan_id: planId, position, ...targetColumns(input) });
  });
}

/** Replaces what a target says and how it is measured (its indicator, denominator, condition). */
export async function updateTarget(ctx: ServiceContext, targetId: number, input: TargetInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const planId = await findTargetPlan(trx, targetId);
    if (planId === undefined) throw new AppError('not-found', `Không có chỉ tiêu số ${targetId}.`);
    await refuseUnknownReferences(trx, { targets: [input], tasks: [] });
    await refuseDuplicateCode(trx, planId, input.code, targetId);
    await updateTargetRow(trx, targetId, targetColumns(input));
  });
}

export async function deleteTarget(ctx: ServiceContext, targetId: number): Promise<void> {
  if (!(await deleteTargetRow(ctx.db, targetId))) throw new AppError('not-found', `Không có chỉ tiêu số ${targetId}.`);
}

function targetColumns(t: TargetInput) {
  return {
    code: t.code,
    text: t.text,
    kind: t.kind,
    comparator: t.comparator,
    threshold: t.threshold,
    threshold_high: t.comparator === 'between' ? t.thresholdHigh : null,
    scope: t.scope,
    indicator_id: t.indicatorId,
    denominator_indicator_id: t.denominatorIndicatorId,
    denominator_register: t.denominatorRegister,
    unit_kind: t.unitKind,
    condition_comparator: t.conditionComparator,
    condition_value: t.conditionValue,
    period_from: t.periodFrom,
    period_to: t.periodTo,
    deadline_year: t.deadlineYear,
    source_text: t.sourceText,
  };
}

async function refuseDuplicateCode(trx: Db, planId: number, code: string, exceptId: number | null): Promise<void> {
  if (await targetCodeTaken(trx, planId, code, exceptId))
    throw new AppError('conflict', `Kế hoạch đã có chỉ tiêu ký hiệu "${code}".`);
}

/** Every indicator, register, unit and programme named must exist; says which do not. */
async function refuseUnknownReferences(
  trx: Db,
  input: Pick<PlanInput, 'targets' | 'tasks'> & { programmeId?: number | null },
): Promise<void> {
  const problems: ErrorDetail[] = [];
  const indicatorIds = [
    ...new Set(
      input.targets.flatMap((t) => [t.indicatorId, t.denominatorIndicatorId]).filter((x): x is number => x !== null),
    ),
  ];
  const found = await existingIds(trx, 'indicator', indicatorIds);
  for (const idx of indicatorIds)
    if (!found.has(idx)) problems.push({ where: 'chỉ tiêu thống kê', message: `không có chỉ tiêu thống kê số ${idx}` });
  const registers = [
    ...new Set(input.targets.map((t) => t.denominatorRegister).filter((x): x is string => x !== null)),
  ];
  const foundRegisters = await existingRegisterCodes(trx, registers);
  for (const code of registers)
    if (!foundRegisters.has(code)) problems.push({ where: 'mẫu số', message: `không có sổ theo dõi mã "${code}"` });
  const unitIds = [
    ...new Set(input.tasks.flatMap((t) => [t.leadUnitId, ...t.coordinatorIds]).filter((x): x is number => x !== null)),
  ];
  const foundUnits = await existingIds(trx, 'org_unit', unitIds);
  for (const idx of unitIds)
    if (!foundUnits.has(idx)) problems.push({ where: 'nhiệm vụ', message: `không có đơn vị số ${idx}` });
  if (input.programmeId) {
    if (!(await existingIds(trx, 'programme', [input.programmeId])).has(input.programmeId))
      problems.push({ where: 'chương trình', message: `không có chương trình số ${input.programmeId}` });
  }
  if (problems.length)
    throw new AppError(
      'invalid-input',
      `Chưa lưu: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}.`,
      problems,
    );
}
