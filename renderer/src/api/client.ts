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
