import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { boundaryChoice, id, isoDate, year } from './common-schemas';
import type { DashboardView, IndicatorSeries, LinkableIndicator, TargetEvaluation } from '../domain/targets';
import type { RegisterView } from '../domain/registers';
import { textLimits } from '../domain/limits';

/** Targets evaluated on the figures, the overview's dashboard and the office's own registers. */
export const targetsContract = {
  /** Every target × year × scope, or one plan's; asOf (YYYY-MM-DD) bounds the years and says which are still running. */
  'targets:evaluate': channel<TargetEvaluation[]>()(
    z.object({ planId: id.optional(), asOf: isoDate.optional(), ...boundaryChoice }).strict(),
  ),
  'targets:list-indicators': channel<LinkableIndicator[]>()(noInput),
  'targets:indicator-series': channel<IndicatorSeries>()(z.object({ indicatorId: id, ...boundaryChoice }).strict()),
  'targets:get-dashboard': channel<DashboardView>()(noInput),
  'targets:list-registers': channel<RegisterView[]>()(noInput),
  'targets:save-register': channel<RegisterView>()(
    z
      .object({
        code: z
          .string()
          .trim()
          .min(1, 'Cần mã sổ theo dõi')
          .max(40)
          .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
        name: z.string().trim().min(1, 'Cần tên sổ theo dõi').max(textLimits.name),
        measureUnit: z.string().trim().max(100).nullable(),
        values: z
          .array(
            z
              .object({
                unitId: id,
                year: year,
                value: z.number().finite().min(0, 'Số liệu không âm').max(1e12).nullable(),
              })
              .strict(),
          )
          .max(20_000),
      })
      .strict(),
  ),
} satisfies FeatureContract<'targets'>;
