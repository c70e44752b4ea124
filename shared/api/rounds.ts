import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { boundaryChoice, id, isoDate } from './common-schemas';
import type { RoundSummary, SubmissionEntry } from '../domain/rounds';
import type { RoundSnapshot } from '../domain/rounds';
import type { RoundMatrix } from '../domain/matrix';
import type { PeriodComparison } from '../domain/comparison';
import { type OfficeProfile } from '../domain/office';
import { exportFormats, type AppendixTable } from '../domain/appendix';
import { textLimits } from '../domain/limits';

export interface TemplateExportResult {
  roundId: number;
  folder: string;
  files: { unitCode: string; unitName: string; workbook: string; draft: string; to: string[] }[];
}

/** Reporting rounds: expected units, templates, the matrix, comparison, freezing and exports. */
export const roundsContract = {
  'rounds:list-rounds': channel<RoundSummary[]>()(noInput),
  'rounds:create-round': channel<RoundSummary>()(
    z
      .object({
        formId: id,
        period: z.string().max(20),
        cutoffDate: isoDate,
        deadline: isoDate,
        units: z.union([z.literal('all'), z.array(z.string().min(1).max(40)).max(5000)]),
        name: z.string().max(textLimits.name).optional(),
      })
      .strict(),
  ),
  /** asOf: the day lateness is counted to (main's clock), so the board and its reminder agree. */
  'rounds:list-submissions': channel<{ asOf: string; entries: SubmissionEntry[] }>()(
    z.object({ roundId: id }).strict(),
  ),
  /** Asks for a folder and writes every unit's workbook and .eml draft there; null when cancelled. */
  'rounds:export-templates': channel<TemplateExportResult | null>()(z.object({ roundId: id }).strict()),
  'rounds:get-matrix': channel<RoundMatrix>()(z.object({ roundId: id, ...boundaryChoice }).strict()),
  /** The same indicators across rounds, for the province (no unitId) or one unit. */
  'rounds:compare': channel<PeriodComparison>()(
    z
      .object({
        roundIds: z.array(id).min(2, 'Cần chọn ít nhất hai đợt').max(20),
        unitId: id.optional(),
        ...boundaryChoice,
      })
      .strict(),
  ),
  'rounds:freeze': channel<RoundSnapshot>()(
    z.object({ roundId: id, note: z.string().max(textLimits.reason) }).strict(),
  ),
  'rounds:list-snapshots': channel<RoundSnapshot[]>()(z.object({ roundId: id }).strict()),
  /** Asks where to save, then writes the round as a Word appendix, an Excel workbook, CSV or ADX; null when cancelled. */
  'rounds:export': channel<string | null>()(
    z
      .object({
        roundId: id,
        format: z.enum(exportFormats),
        byUnit: z.boolean().optional(),
        ...boundaryChoice,
      })
      .strict(),
  ),
  /** The appendix as it will print, for the print preview. */
  'rounds:get-appendix': channel<{ table: AppendixTable; office: OfficeProfile; landscape: boolean }>()(
    z.object({ roundId: id, byUnit: z.boolean().optional() }).strict(),
  ),
} satisfies FeatureContract<'rounds'>;
