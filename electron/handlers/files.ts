import type { ServiceContext } from '../services/context';
import { viewMessage, saveOriginalCopy } from '../services/files/message-view';
import { openOriginal } from '../services/files/open-original';
import { openSaved } from '../services/files/saved-by-app';
import type { FeatureHandlers } from './types';

export function filesHandlers(ctx: ServiceContext): FeatureHandlers<'files'> {
  return {
    'files:open-original': (input) => openOriginal(ctx, input.fileId),
    'files:view-message': (input) => viewMessage(ctx, input.fileId),
    'files:save-copy': (input) => saveOriginalCopy(ctx, input.fileId),
    'files:open-saved': async (input) => {
      await openSaved(ctx, input);
      return null;
    },
  };
}
