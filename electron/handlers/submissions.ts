import type { ServiceContext } from '../services/context';
import { getSubmissionSheet } from '../services/submissions/submission-sheet';
import { saveComment, saveValues } from '../services/submissions/save-values';
import { changeSubmissionStatus } from '../services/submissions/workflow';
import { draftCorrectionRequest, saveCorrectionDraft } from '../services/submissions/correction-request';
import { getValueProvenance } from '../services/submissions/provenance';
import { listHistory } from '../../db/submissions/history-repo';
import { exportHistory } from '../services/submissions/export-history';
import { getChangeFactor, setChangeFactor } from '../services/submissions/check-settings';
import { recheckAll } from '../services/submissions/check-submission';
import type { FeatureHandlers } from './types';

export function submissionsHandlers(ctx: ServiceContext): FeatureHandlers<'submissions'> {
  return {
    'submissions:get-sheet': (input) => getSubmissionSheet(ctx, input.roundId, input.unitId),
    'submissions:save-values': (input) => saveValues(ctx, input),
    'submissions:save-comment': (input) => saveComment(ctx, input),
    'submissions:change-status': (input) => changeSubmissionStatus(ctx, input),
    'submissions:draft-correction': (input) => draftCorrectionRequest(ctx, input.roundId, input.unitId),
    'submissions:save-correction': (input) => saveCorrectionDraft(ctx, input.roundId, input.unitId, input.text),
    'submissions:get-provenance': (input) => getValueProvenance(ctx, input),
    'submissions:list-history': (input) => listHistory(ctx.db, { ...input, limit: 5000 }),
    'submissions:export-history': (input) => exportHistory(ctx, input),
    'submissions:get-check-settings': async () => ({ changeFactor: await getChangeFactor(ctx.db) }),
    'submissions:save-check-settings': async (input) => {
      await setChangeFactor(ctx.db, input.changeFactor);
      await recheckAll(ctx.db);
      return { changeFactor: await getChangeFactor(ctx.db) };
    },
  };
}
