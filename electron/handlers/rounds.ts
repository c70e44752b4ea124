import type { ServiceContext } from '../services/context';
import { createRound } from '../services/rounds/create-round';
import { listSubmissions } from '../services/rounds/completeness';
import { listRoundSummaries } from '../../db/rounds/repo';
import { exportRoundTemplates } from '../services/templates/export-templates';
import { getRoundMatrix } from '../services/rounds/round-matrix';
import { compareRounds } from '../services/rounds/compare-rounds';
import { freezeRound, listSnapshots } from '../services/rounds/snapshots';
import { saveRoundExport } from '../services/export/export-round';
import { appendixFromRound } from '../services/export/appendix-from-round';
import { isLandscape } from '../../shared/domain/appendix';
import type { FeatureHandlers, Progress } from './types';

export function roundsHandlers(ctx: ServiceContext, progress: Progress): FeatureHandlers<'rounds'> {
  return {
    'rounds:list-rounds': () => listRoundSummaries(ctx.db),
    'rounds:create-round': (input) => createRound(ctx, input),
    'rounds:list-submissions': async (input) => ({
      asOf: ctx.clock().toISOString().slice(0, 10),
      entries: await listSubmissions(ctx, input.roundId),
    }),
    'rounds:export-templates': async (input) => {
      const folder = await ctx.platform.chooseFolder({ title: 'Chọn thư mục để lưu biểu mẫu gửi đơn vị' });
      if (folder === null) return null;
      return exportRoundTemplates(ctx, input.roundId, folder, (done, total) =>
        progress({ task: 'export-templates', done, total, label: `Đang xuất biểu mẫu ${done}/${total}` }),
      );
    },
    'rounds:get-matrix': ({ roundId, ...choice }) => getRoundMatrix(ctx, roundId, choice),
    'rounds:compare': (input) => compareRounds(ctx, input),
    'rounds:freeze': (input) => freezeRound(ctx, input),
    'rounds:list-snapshots': (input) => listSnapshots(ctx, input.roundId),
    'rounds:export': (input) => saveRoundExport(ctx, input),
    'rounds:get-appendix': async (input) => {
      const { table, office } = await appendixFromRound(ctx, input.roundId, { byUnit: input.byUnit ?? false });
      return { table, office, landscape: isLandscape(table) };
    },
  };
}
