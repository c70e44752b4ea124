import type { ServiceContext } from '../services/context';
import { getOutgoingServer, saveOutgoingServer } from '../services/mail/outgoing-server';
import { previewRoundMail, sendRoundMail } from '../services/mail/round-mail';
import { listSentMail, sendCorrectionRequest, sendTestMail } from '../services/mail/direct-mail';
import type { FeatureHandlers, Progress } from './types';

export function mailHandlers(ctx: ServiceContext, progress: Progress): FeatureHandlers<'mail'> {
  return {
    'mail:get-server': () => getOutgoingServer(ctx),
    'mail:save-server': (input) => saveOutgoingServer(ctx, input),
    'mail:send-test': () => sendTestMail(ctx),
    'mail:preview-round': (input) => previewRoundMail(ctx, input),
    'mail:send-round': (input) =>
      sendRoundMail(ctx, input, (done, total, label) => progress({ task: 'send-mail', done, total, label })),
    'mail:send-correction': (input) => sendCorrectionRequest(ctx, input),
    'mail:list-sent': (input) => listSentMail(ctx, input.roundId),
  };
}
