import type { ServiceContext } from '../services/context';
import { createDemo } from '../services/demo/create-demo';
import type { FeatureHandlers } from './types';

export function demoHandlers(ctx: ServiceContext): FeatureHandlers<'demo'> {
  return {
    'demo:create-demo': () => createDemo(ctx, { history: true }),
  };
}
