import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { isoDate, unitCode } from './common-schemas';
import { unitKinds, type UnitTreeRow } from '../domain/units';
import type { UnitChangeResult, UnitEvent } from '../domain/unit-events';
import type { OfficialListPreview } from '../domain/official-list';
import { textLimits } from '../domain/limits';
import { shareProblem } from '../domain/unit-events';

export interface ImportUnitsReport {
  fileName: string;
  created: number;
  updated: number;
  unchanged: number;
}

const changeBasis = z
  .string()
  .trim()
  .min(1, 'Cần văn bản làm căn cứ (số nghị quyết, quyết định)')
  .max(textLimits.basis);
const officialListChoices = z
  .object({
    date: isoDate.nullable(),
    provinces: z.array(unitCode).max(100).optional(),
    reusedCodes: z.boolean().optional(),
    basis: z.string().trim().max(textLimits.basis).optional(),
  })
  .strict();
const listToken = z.uuid();

/** Reporting units through time: the list, merges, splits, endings and the official unit list. */
export const unitsContract = {
  'units:list-units': channel<UnitTreeRow[]>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** Asks the user for a .csv/.xlsx/.xls file and imports it; null when the user cancels. */
  'units:import-file': channel<ImportUnitsReport | null>()(noInput),
  'units:list-events': channel<UnitEvent[]>()(noInput),
  'units:record-merge': channel<UnitChangeResult>()(
    z
      .object({
        into: unitCode,
        name: z.string().trim().max(textLimits.name).optional(),
        kind: z.enum(unitKinds).optional(),
        from: z.array(unitCode).min(1, 'Chọn các đơn vị được sáp nhập').max(200),
        date: isoDate,
        basis: changeBasis,
        yesNoRule: z.enum(['all', 'any']).optional(),
      })
      .strict(),
  ),
  'units:record-split': channel<UnitChangeResult>()(
    z
      .object({
        from: unitCode,
        into: z
          .array(
            z
              .object({
                code: unitCode,
                share: z.number(),
                name: z.string().trim().min(1).max(textLimits.name).optional(),
                kind: z.enum(unitKinds).optional(),
              })
              .strict(),
          )
          .min(1, 'Cần ít nhất một đơn vị nhận')
          .max(200)
          .superRefine((parts, ctx) => {
            parts.forEach((p, i) => {
              const problem = shareProblem(p.code, p.share);
              if (problem) ctx.addIssue({ code: 'custom', path: [i, 'share'], message: problem });
            });
          }),
        date: isoDate,
        basis: changeBasis,
      })
      .strict(),
  ),
  'units:record-end': channel<UnitChangeResult>()(
    z.object({ code: unitCode, date: isoDate, basis: changeBasis }).strict(),
  ),
  'units:open-official-list': channel<{ token: string; preview: OfficialListPreview } | null>()(officialListChoices),
  'units:preview-official-list': channel<OfficialListPreview>()(
    z.object({ token: listToken, choices: officialListChoices }).strict(),
  ),
  'units:apply-official-list': channel<OfficialListPreview>()(
    z.object({ token: listToken, choices: officialListChoices }).strict(),
  ),
  /** One unit typed in (an agency a plan names that the list lacks); its id. */
  'units:add-unit': channel<{ id: number }>()(
    z
      .object({
        code: unitCode.regex(/^[\p{L}\d_.-]+$/u, 'Mã chỉ gồm chữ, số, dấu chấm, gạch'),
        name: z.string().trim().min(1, 'Cần tên đơn vị').max(textLimits.name),
        kind: z.enum(unitKinds),
        parentCode: unitCode.optional(),
      })
      .strict(),
  ),
} satisfies FeatureContract<'units'>;
