import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Channel } from '../../../shared/api/channels';
import type { InputOf, OutputOf, PreloadApi } from '../../../shared/api/contract';
import type { ApiErrorData, ErrorCode, ErrorDetail } from '../../../shared/errors';

declare global {
  interface Window {
    api: PreloadApi;
  }
}

/** An error the main process returned, with its Vietnamese message and details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.code = data.code;
    this.details = data.details ?? [];
  }
}

/** The one way the renderer talks to main. Feature hooks call it; components do not. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<C>;
}

/**
 * Marks what a change touched as stale, by the features' own key factories (each feature's
 * queries.ts): every screen showing it reads it again, now if it is on screen. With no key,
 * everything (a restored backup, another office's data, units changed through time).
 */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return async (...keys) => {
    if (keys.length === 0) return client.invalidateQueries();
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  };
}
