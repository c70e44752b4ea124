import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { boundaryChoice, id } from './common-schemas';
import type { PlanDetail } from '../domain/plans';
import { planInput, targetInput, taskUpdate } from './plan-inputs';
import type { PlanDraft } from '../domain/plan-text';

/** Programmes and plans with their targets and tasks. */
export const plansContract = {
  'plans:list-plans': channel<PlanDetail[]>()(noInput),
  /** Reads a pasted plan: its document data, target drafts, task drafts with agencies matched to units. Nothing is stored. */
  'plans:draft-from-text': channel<PlanDraft>()(
    z
      .object({
        text: z
          .string()
          .trim()
          .min(1, 'Hãy dán nội dung kế hoạch')
          .max(500_000, 'Văn bản quá dài (tối đa 500.000 ký tự)'),
      })
      .strict(),
  ),
  'plans:create-plan': channel<{ id: number }>()(planInput),
  'plans:add-target': channel<{ id: number }>()(z.object({ planId: id, target: targetInput }).strict()),
  'plans:update-target': channel<null>()(z.object({ targetId: id, target: targetInput }).strict()),
  'plans:delete-target': channel<null>()(z.object({ targetId: id }).strict()),
  /** A task's status and/or a progress note. */
  'plans:update-task': channel<null>()(taskUpdate),
  /** Asks where to save the draft report on a plan's results (Word), with a round's appendix after it; null when cancelled. */
  'plans:export-report': channel<string | null>()(
    z.object({ planId: id, roundId: id.optional(), byUnit: z.boolean().optional(), ...boundaryChoice }).strict(),
  ),
  /** Matches a task's lead agency, as the plan writes it, to a unit (null: no unit). */
  'plans:set-task-lead': channel<null>()(z.object({ taskId: id, unitId: id.nullable() }).strict()),
} satisfies FeatureContract<'plans'>;
