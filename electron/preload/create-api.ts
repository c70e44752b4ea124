import { isChannel, isEventName, type Channel, type EventName } from '../../shared/api/channels';
import type { PreloadApi } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';

/** How the API reaches main: ipcRenderer in the app, Playwright bindings in end-to-end tests. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * The object exposed as `window.api`: only the contract's channels and events, nothing else
 * of Electron. Kept free of zod and of 'electron' so the sandboxed preload stays small and the
 * tests inject this very code into the page.
 */
export function createPreloadApi(transport: Transport): PreloadApi {
  return Object.freeze({
    invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid-input', message: `Kênh "${String(channel)}" không tồn tại.` },
        });
      }
      return transport.invoke(channel, input);
    },
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event) || typeof listener !== 'function')
        throw new Error(`Sự kiện "${String(event)}" không tồn tại.`);
      return transport.subscribe(event, listener);
    },
  });
}
