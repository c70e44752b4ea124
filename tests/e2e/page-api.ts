/**
 * Runs in the test page before the app: builds `window.api` with the preload's own
 * createPreloadApi, over a transport of Playwright bindings instead of ipcRenderer.
 */
import { createPreloadApi } from '../../electron/preload/create-api';
import type { EventName } from '../../shared/api/channels';
import type { Result } from '../../shared/errors';

declare global {
  interface Window {
    /** The handlers' result as JSON text (see the harness). */
    __pcmdInvoke(channel: string, input: string | undefined): Promise<string>;
    __pcmdEmit(event: EventName, payload: unknown): void;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
window.__pcmdEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
Object.defineProperty(window, 'api', {
  value: createPreloadApi({
    invoke: async (channel, input) =>
      JSON.parse(
        await window.__pcmdInvoke(channel, input === undefined ? undefined : JSON.stringify(input)),
      ) as Result<unknown>,
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});
