import type { ServiceContext } from '../services/context';
import { listPlans, setTaskLead, updateTask } from '../services/plans/list-plans';
import { draftPlanFromText } from '../services/plans/draft-plan';
import { addTarget, createPlan, deleteTarget, updateTarget } from '../services/plans/save-plan';
import { saveReviewReport } from '../services/export/review-report';
import type { FeatureHandlers } from './types';

export function plansHandlers(ctx: ServiceContext): FeatureHandlers<'plans'> {
  return {
    'plans:list-plans': () => listPlans(ctx),
    'plans:draft-from-text': (input) => draftPlanFromText(ctx, input.text),
    'plans:create-plan': async (input) => ({ id: await createPlan(ctx, input) }),
    'plans:add-target': async (input) => ({ id: await addTarget(ctx, input.planId, input.target) }),
    'plans:update-target': async (input) => {
      await updateTarget(ctx, input.targetId, input.target);
      return null;
    },
    'plans:delete-target': async (input) => {
      await deleteTarget(ctx, input.targetId);
      return null;
    },
    'plans:set-task-lead': async (input) => {
      await setTaskLead(ctx, input);
      return null;
    },
    'plans:update-task': async (input) => {
      await updateTask(ctx, input);
      return null;
    },
    'plans:export-report': (input) => saveReviewReport(ctx, input),
  };
}
