import { saveOfficeProfile } from '../settings/office-profile';
import type { DemoSummary } from '../../../shared/api/demo';
import { AppError } from '../../../shared/errors';
import { foldText } from '../../../shared/text/fold';
import { countCurrentUnits, insertUnit, replaceEmails, updateUnit } from '../../../db/units/repo';
import { countRows, insertPlan, insertProgramme, insertTarget, insertTask } from '../../../db/plans/repo';
import type { ServiceContext } from '../context';
import {
  demoPlan,
  demoProgramme,
  demoProgrammePlan,
  demoProgrammeTargets,
  demoTargets,
  demoTasks,
  demoUnits,
  type DemoTarget,
} from './demo-data';
import { demoRow, insertDemoHistory, type DemoHistory } from './demo-history';
import { quangNgai2025PlanText } from './plan-text-quang-ngai-2025';

/** The province's standing office in the seed plan: the Department of Health, reporting to the People's Committee. */
const demoOffice = {
  parentBody: 'UBND TỈNH QUẢNG NGÃI',
  officeName: 'SỞ Y TẾ',
  officeNameInText: 'Sở Y tế',
  symbol: 'SYT',
  place: 'Quảng Ngãi',
  signAuthority: 'KT. GIÁM ĐỐC',
  signerTitle: 'PHÓ GIÁM ĐỐC',
  signerName: '',
  preparerName: '',
};

/**
 * Fills an empty database with the demo province, programme, plans, targets and tasks, in one
 * transaction; with `history`, also a yearly form and five years of the districts' figures
 * (2021-2025), the targets linked to the rows they are measured on.
 */
export async function createDemo(ctx: ServiceContext, options: { history?: boolean } = {}): Promise<DemoSummary> {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if ((await countCurrentUnits(trx)) > 0 || (await countRows(trx, 'plan')) > 0) {
      throw new AppError(
        'conflict',
        'Cơ sở dữ liệu đã có đơn vị hoặc kế hoạch; chỉ tạo dữ liệu mẫu khi cơ sở dữ liệu còn trống.',
      );
    }
    const idByCode = new Map<string, number>();
    for (const u of demoUnits) {
      const id = await insertUnit(trx, {
        code: u.code,
        name: u.name,
        name_key: foldText(u.name),
        kind: u.kind,
        parent_id: null,
        valid_from: null,
        valid_to: null,
        created_at: now,
        updated_at: now,
      });
      idByCode.set(u.code, id);
      await replaceEmails(trx, id, u.emails);
    }
    for (const u of demoUnits) {
      if (u.parentCode) await updateUnit(trx, idByCode.get(u.code)!, { parent_id: idByCode.get(u.parentCode)! });
    }
    const programmeId = await insertProgramme(trx, {
      name: demoProgramme.name,
      decision_number: demoProgramme.decisionNumber,
      decision_date: demoProgramme.decisionDate,
      issuer: demoProgramme.issuer,
      period_start: demoProgramme.periodStart,
      period_end: demoProgramme.periodEnd,
      created_at: now,
    });
    const history = options.history
      ? await insertDemoHistory(
          trx,
          demoUnits.filter((u) => u.kind === 'district').map((u) => ({ id: idByCode.get(u.code)!, code: u.code })),
          now,
        )
      : null;
    const indicatorOf = (key: keyof typeof demoRow | undefined, h: DemoHistory | null) =>
      key && h ? (h.rows.find((r) => r.text.startsWith(demoRow[key]))?.indicatorId ?? null) : null;
    const insertTargets = async (planId: number, targets: DemoTarget[], period: { from: number; to: number }) => {
      for (const [i, t] of targets.entries()) {
        await insertTarget(trx, {
          plan_id: planId,
          code: t.code,
          text: t.text,
          kind: t.kind,
          comparator: t.comparator,
          threshold: t.threshold,
          threshold_high: t.thresholdHigh ?? null,
          unit_kind: t.unitKind,
          scope: 'province',
          indicator_id: indicatorOf(t.measure?.row, history),
          denominator_indicator_id: indicatorOf(t.measure?.denominator, history),
          denominator_register: null,
          period_from: period.from,
          period_to: period.to,
          deadline_year: t.deadlineYear ?? null,
          source_text: t.text,
          position: i + 1,
        });
      }
    };
    const programmePlanId = await insertPlan(trx, {
      programme_id: programmeId,
      doc_number: demoProgrammePlan.docNumber,
      doc_date: demoProgrammePlan.docDate,
      issuer: demoProgrammePlan.issuer,
      signer: demoProgrammePlan.signer,
      type: demoProgrammePlan.type,
      title: demoProgrammePlan.title,
      period_start: demoProgrammePlan.periodStart,
      period_end: demoProgrammePlan.periodEnd,
      legal_basis: demoProgrammePlan.legalBasis,
      full_text: null,
      created_at: now,
    });
    await insertTargets(programmePlanId, demoProgrammeTargets, {
      from: demoProgrammePlan.periodStart,
      to: demoProgrammePlan.periodEnd,
    });
    const planId = await insertPlan(trx, {
      programme_id: programmeId,
      doc_number: demoPlan.docNumber,
      doc_date: demoPlan.docDate,
      issuer: demoPlan.issuer,
      signer: demoPlan.signer,
      type: demoPlan.type,
      title: demoPlan.title,
      period_start: demoPlan.periodStart,
      period_end: demoPlan.periodEnd,
      legal_basis: demoPlan.legalBasis,
      full_text: quangNgai2025PlanText,
      created_at: now,
    });
    await insertTargets(planId, demoTargets, { from: demoPlan.periodStart, to: demoPlan.periodEnd });
    for (const [i, t] of demoTasks.entries()) {
      await insertTask(
        trx,
        {
          plan_id: planId,
          position: i + 1,
          content: t.content,
          lead_unit_id: t.leadCode ? idByCode.get(t.leadCode)! : null,
          deadline: t.deadline,
        },
        t.coordinatorCodes.map((c) => idByCode.get(c)!),
      );
    }
    await saveOfficeProfile(trx, demoOffice);
    return {
      units: demoUnits.length,
      programmes: 1,
      plans: 2,
      targets: demoTargets.length + demoProgrammeTargets.length,
      tasks: demoTasks.length,
      rounds: history?.roundIds.length ?? 0,
    };
  });
}
