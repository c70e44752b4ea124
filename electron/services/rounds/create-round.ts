import { AppError, type ErrorDetail } from '../../../shared/errors';
import { parsePeriod, periodFormatHelp } from '../../../shared/domain/periods';
import type { RoundSummary } from '../../../shared/domain/rounds';
import { formatDate, isIsoDate } from '../../../shared/text/format-vi';
import { getForm, latestVersionId } from '../../../db/forms/repo';
import { insertRound, listRoundSummaries } from '../../../db/rounds/repo';
import { listCurrentUnitsByCode } from '../../../db/units/repo';
import type { ServiceContext } from '../context';

export interface CreateRoundInput {
  formId: number;
  period: string;
  cutoffDate: string;
  deadline: string;
  /** 'all' = every current district, commune and department; otherwise unit codes. */
  units: 'all' | string[];
  name?: string;
}

/** The kinds of unit that answer a round when the office says "all". */
const reportingKinds = new Set(['district', 'commune', 'department']);

/** Opens a reporting round on the latest version of a form, with a submission waiting for each expected unit. */
export async function createRound(ctx: ServiceContext, input: CreateRoundInput): Promise<RoundSummary> {
  const problems: ErrorDetail[] = [];
  const period = parsePeriod(input.period);
  if (!period)
    problems.push({ where: 'kỳ báo cáo', message: `"${input.period}" không hợp lệ; dùng ${periodFormatHelp}` });
  if (!isIsoDate(input.cutoffDate))
    problems.push({ where: 'ngày chốt số liệu', message: `"${input.cutoffDate}" không phải ngày hợp lệ (YYYY-MM-DD)` });
  if (!isIsoDate(input.deadline))
    problems.push({ where: 'hạn gửi', message: `"${input.deadline}" không phải ngày hợp lệ (YYYY-MM-DD)` });
  if (isIsoDate(input.cutoffDate) && isIsoDate(input.deadline) && input.deadline < input.cutoffDate) {
    problems.push({
      where: 'hạn gửi',
      message: `hạn gửi ${formatDate(input.deadline)} sớm hơn ngày chốt số liệu ${formatDate(input.cutoffDate)}`,
    });
  }
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const form = await getForm(trx, input.formId);
    const versionId = form ? await latestVersionId(trx, form.id) : null;
    if (!form || versionId === null)
      problems.push({ where: 'biểu mẫu', message: `không có biểu mẫu số ${input.formId}` });
    const units = await listCurrentUnitsByCode(trx);
    let unitIds: number[] = [];
    if (input.units === 'all') {
      unitIds = [...units.values()].filter((u) => reportingKinds.has(u.kind)).map((u) => u.id);
      if (unitIds.length === 0)
        problems.push({ where: 'đơn vị', message: 'chưa có huyện, xã hay sở, ngành nào trong danh sách đơn vị' });
    } else {
      const unknown = input.units.filter((c) => !units.has(c));
      if (unknown.length > 0)
        problems.push({ where: 'đơn vị', message: `không có đơn vị mã ${unknown.map((c) => `"${c}"`).join(', ')}` });
      unitIds = [...new Set(input.units)].map((c) => units.get(c)?.id).filter((id): id is number => id !== undefined);
      if (input.units.length === 0) problems.push({ where: 'đơn vị', message: 'chưa chọn đơn vị nào phải báo cáo' });
    }
    if (problems.length > 0 || !period || !form || versionId === null) {
      throw new AppError(
        'invalid-input',
        `Chưa tạo được đợt báo cáo: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}.`,
        problems,
      );
    }
    const id = await insertRound(
      trx,
      {
        formVersionId: versionId,
        name: input.name?.trim() || `${form.name} – ${period.label}`,
        periodCode: period.code,
        periodStart: period.start,
        periodEnd: period.end,
        cutoffDate: input.cutoffDate,
        deadline: input.deadline,
      },
      unitIds,
      now,
    );
    return (await listRoundSummaries(trx, id))[0]!;
  });
}
