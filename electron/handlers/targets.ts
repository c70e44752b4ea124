import type { ServiceContext } from '../services/context';
import { evaluateTargets } from '../services/targets/evaluate-targets';
import { getDashboard, getIndicatorSeries, listLinkableIndicators } from '../services/targets/dashboard';
import { listRegisters, saveRegister } from '../services/targets/registers';
import type { FeatureHandlers } from './types';

export function targetsHandlers(ctx: ServiceContext): FeatureHandlers<'targets'> {
  return {
    'targets:evaluate': (input) => evaluateTargets(ctx, input),
    'targets:list-indicators': () => listLinkableIndicators(ctx),
    'targets:indicator-series': ({ indicatorId, ...choice }) => getIndicatorSeries(ctx, indicatorId, choice),
    'targets:get-dashboard': () => getDashboard(ctx),
    'targets:list-registers': () => listRegisters(ctx),
    'targets:save-register': (input) => saveRegister(ctx, input),
  };
}
