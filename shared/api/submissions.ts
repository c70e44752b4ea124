import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { id, isoDate } from './common-schemas';
import { changeKinds, workflowActions, type CorrectionRequest, type SubmissionSheet } from '../domain/submissions';
import type { HistoryEntry, ValueProvenance } from '../domain/history';
import { textLimits } from '../domain/limits';

const submissionRef = { roundId: id, unitId: id };
const historyFilter = z
  .object({
    roundId: id.optional(),
    unitId: id.optional(),
    indicatorQuery: z.string().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

/** One unit's report in a round: its figures, checks, workflow, provenance and history. */
export const submissionsContract = {
  'submissions:get-sheet': channel<SubmissionSheet>()(z.object(submissionRef).strict()),
  'submissions:save-values': channel<SubmissionSheet>()(
    z
      .object({
        ...submissionRef,
        how: z.enum(changeKinds),
        changes: z
          .array(
            z
              .object({ indicatorId: id, value: z.union([z.string().max(200), z.number().finite(), z.null()]) })
              .strict(),
          )
          .min(1)
          .max(2000),
        reason: z.string().max(textLimits.reason).optional(),
      })
      .strict(),
  ),
  'submissions:save-comment': channel<SubmissionSheet>()(
    z.object({ ...submissionRef, indicatorId: id, comment: z.string().max(1000).nullable() }).strict(),
  ),
  'submissions:change-status': channel<SubmissionSheet>()(
    z
      .object({
        ...submissionRef,
        action: z.enum(workflowActions),
        reason: z.string().max(textLimits.reason).optional(),
      })
      .strict(),
  ),
  'submissions:draft-correction': channel<CorrectionRequest>()(z.object(submissionRef).strict()),
  /** Asks where to save the correction request (as the user adjusted it) as an .eml draft; null when cancelled. */
  'submissions:save-correction': channel<string | null>()(
    z
      .object({ ...submissionRef, text: z.string().trim().min(1, 'Thư không có nội dung').max(20_000).optional() })
      .strict(),
  ),
  'submissions:get-provenance': channel<ValueProvenance>()(z.object({ ...submissionRef, indicatorId: id }).strict()),
  /** The newest 5,000 changes that pass the filter. */
  'submissions:list-history': channel<HistoryEntry[]>()(historyFilter),
  'submissions:export-history': channel<{ path: string; entries: number } | null>()(historyFilter),
  'submissions:get-check-settings': channel<{ changeFactor: number }>()(noInput),
  'submissions:save-check-settings': channel<{ changeFactor: number }>()(
    z
      .object({
        changeFactor: z
          .number()
          .refine(
            (n) => n === 0 || (n > 1 && n <= 100),
            'Hệ số phải lớn hơn 1 (ví dụ 2 = tăng gấp đôi), hoặc 0 để tắt',
          ),
      })
      .strict(),
  ),
} satisfies FeatureContract<'submissions'>;
