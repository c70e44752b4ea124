import type { ServiceContext } from '../services/context';
import type { Emit, Handlers } from './types';
import { appHandlers } from './app';
import { demoHandlers } from './demo';
import { unitsHandlers } from './units';
import { officeHandlers } from './office';
import { plansHandlers } from './plans';
import { targetsHandlers } from './targets';
import { formsHandlers } from './forms';
import { roundsHandlers } from './rounds';
import { backupHandlers } from './backup';
import { settingsHandlers } from './settings';
import { submissionsHandlers } from './submissions';
import { filesHandlers } from './files';
import { inboxHandlers } from './inbox';
import { mailHandlers } from './mail';

export type { Emit, Handlers } from './types';

/**
 * Every channel's handler, one file per feature (electron/handlers/<feature>.ts), each a thin call
 * into that feature's services. Progress of long work goes to the window as 'progress' events.
 */
export function createHandlers(ctx: ServiceContext, emit: Emit = () => undefined): Handlers {
  const progress = (p: Parameters<Emit>[1]) => emit('progress', p);
  return {
    ...appHandlers(ctx),
    ...demoHandlers(ctx),
    ...unitsHandlers(ctx),
    ...officeHandlers(ctx),
    ...plansHandlers(ctx),
    ...targetsHandlers(ctx),
    ...formsHandlers(ctx),
    ...roundsHandlers(ctx, progress),
    ...backupHandlers(ctx),
    ...settingsHandlers(ctx),
    ...submissionsHandlers(ctx),
    ...filesHandlers(ctx),
    ...inboxHandlers(ctx, progress),
    ...mailHandlers(ctx, progress),
  };
}
