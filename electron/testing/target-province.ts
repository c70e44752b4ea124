import { getFormVersionRows } from '../../db/forms/repo';
import { insertUnit } from '../../db/units/repo';
import { foldText } from '../../shared/text/fold';
import type { UnitKind } from '../../shared/domain/units';
import { createPlan } from '../services/plans/save-plan';
import { createFormFromEdited } from '../services/forms/edit-form';
import { createRound } from '../services/rounds/create-round';
import { saveValues } from '../services/submissions/save-values';
import type { TargetInput } from '../../shared/api/plan-inputs';
import type { TestContext } from './service-context';

/**
 * A small province for target tests: the province, its districts (four by default) and the standing office, a form
 * with the indicators the seed plans' targets speak of, and yearly rounds filled through the same
 * service the entry grid uses.
 */
export const provinceIndicators = {
  sessions: 'Số buổi truyền thông về phòng, chống mại dâm tại xã, phường, thị trấn',
  businesses: 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm',
  inspected: 'Tổng số cơ sở kiểm tra trong kỳ',
  crimes: 'Số vụ án liên quan đến mại dâm được xử lý',
  plan: 'Xây dựng kế hoạch phòng, chống mại dâm',
} as const;
export type IndicatorKey = keyof typeof provinceIndicators;

export const districtCodes = ['D1', 'D2', 'D3', 'D4'] as const;

export interface TargetProvince {
  unitId: Record<string, number>;
  indicatorId: Record<IndicatorKey, number>;
  formId: number;
  /** Opens the year's round (for the districts and any unit with figures) and stores each unit's figures (unit code → indicator → figure). */
  fillYear(
    period: string,
    figures: Record<string, Partial<Record<IndicatorKey, number | string>>>,
    expected?: string[],
  ): Promise<number>;
  /** A plan over the years given holding the targets given. */
  plan(targets: Partial<TargetInput>[], years?: [number, number]): Promise<number>;
}

/** Which province: its code and name, and its districts (code → name). */
export interface ProvinceShape {
  code: string;
  name: string;
  districts: Record<string, string>;
}

const testProvince: ProvinceShape = {
  code: '51',
  name: 'Tỉnh Thử Nghiệm',
  districts: Object.fromEntries(districtCodes.map((c, i) => [c, `Huyện ${i + 1}`])),
};

export async function buildTargetProvince(
  ctx: TestContext,
  shape: ProvinceShape = testProvince,
): Promise<TargetProvince> {
  const now = ctx.clock().toISOString();
  const unitId: Record<string, number> = {};
  const add = async (code: string, name: string, kind: UnitKind, parent: number | null) => {
    unitId[code] = await insertUnit(ctx.db, {
      code,
      name,
      name_key: foldText(name),
      kind,
      parent_id: parent,
      valid_from: null,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
  };
  await add(shape.code, shape.name, 'province', null);
  for (const [code, name] of Object.entries(shape.districts)) await add(code, name, 'district', unitId[shape.code]!);
  await add('SYT', 'Sở Y tế', 'secretariat', unitId[shape.code]!);

  const keys = Object.keys(provinceIndicators) as IndicatorKey[];
  const units: Record<IndicatorKey, string> = {
    sessions: 'Buổi',
    businesses: 'Cơ sở',
    inspected: 'Cơ sở',
    crimes: 'Vụ',
    plan: '',
  };
  const form = await createFormFromEdited(ctx, {
    name: 'Báo cáo năm',
    rows: keys.map((k, i) => ({
      numbering: String(i + 1),
      text: provinceIndicators[k],
      unit: units[k] || null,
      level: 0,
      valueRow: true,
      valueType: k === 'plan' ? ('yes-no' as const) : ('integer' as const),
    })),
  });
  const rows = await getFormVersionRows(ctx.db, form.form.latestVersionId);
  const indicatorId = Object.fromEntries(
    keys.map((k) => [k, rows.find((r) => r.text === provinceIndicators[k])!.indicatorId!]),
  ) as Record<IndicatorKey, number>;

  return {
    unitId,
    indicatorId,
    formId: form.form.id,
    async fillYear(
      period,
      figures,
      expected = [...new Set([...Object.keys(shape.districts), ...Object.keys(figures)])],
    ) {
      const year = Number(period.slice(0, 4));
      const round = await createRound(ctx, {
        formId: form.form.id,
        period,
        cutoffDate: `${year}-12-14`,
        deadline: `${year}-12-20`,
        units: expected,
      });
      for (const [code, values] of Object.entries(figures)) {
        const changes = Object.entries(values).map(([k, v]) => ({
          indicatorId: indicatorId[k as IndicatorKey],
          value: v,
        }));
        if (changes.length) await saveValues(ctx, { roundId: round.id, unitId: unitId[code]!, how: 'typed', changes });
      }
      return round.id;
    },
    async plan(targets, years = [2021, 2025]) {
      return createPlan(ctx, {
        programmeId: null,
        docNumber: '442/KH-UBND',
        docDate: '2022-03-22',
        issuer: 'UBND tỉnh',
        signer: null,
        type: 'five-year',
        title: 'Kế hoạch thử',
        periodStart: years[0],
        periodEnd: years[1],
        legalBasis: null,
        fullText: null,
        tasks: [],
        targets: targets.map((t, i) => ({
          code: String(i + 1),
          text: `Chỉ tiêu ${i + 1}`,
          kind: 'count',
          comparator: '>=',
          threshold: 0,
          thresholdHigh: null,
          scope: 'province',
          indicatorId: null,
          denominatorIndicatorId: null,
          denominatorRegister: null,
          unitKind: null,
          conditionComparator: null,
          conditionValue: null,
          periodFrom: null,
          periodTo: null,
          deadlineYear: null,
          sourceText: null,
          ...t,
        })),
      });
    },
  };
}
