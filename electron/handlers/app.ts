import type { ServiceContext } from '../services/context';
import { getStatus } from '../services/app/get-status';
import { saveChartPng } from '../services/files/save-chart-png';
import { saveWindowPdf } from '../services/export/save-window-pdf';
import { saveGridWorkbook } from '../services/export/save-grid-workbook';
import type { FeatureHandlers } from './types';

export function appHandlers(ctx: ServiceContext): FeatureHandlers<'app'> {
  return {
    'app:get-status': () => getStatus(ctx),
    'app:save-png': (input) => saveChartPng(ctx, input),
    'app:open-log-folder': async () => {
      await ctx.platform.openLogFolder();
      return null;
    },
    'app:copy-text': async (input) => {
      await ctx.platform.copyText(input.text);
      return null;
    },
    'app:print': async () => {
      await ctx.platform.printWindow();
      return null;
    },
    'app:save-pdf': (input) => saveWindowPdf(ctx, input.name),
    'app:export-grid': (input) => saveGridWorkbook(ctx, input),
  };
}
