import { z } from 'zod';
import { isChannel } from '../../shared/api/channels';
import { contract } from '../../shared/api/contract';
import { AppError, internalErrorMessage, isAppError, type Result } from '../../shared/errors';
import type { Handlers } from './handlers';

z.config(z.locales.vi());

export type Logger = (message: string, error?: unknown) => void;

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

function describeIssues(issues: z.core.$ZodIssue[]) {
  return issues.map((i) => ({ where: i.path.length > 0 ? i.path.join('.') : undefined, message: i.message }));
}

/**
 * Validates a call against the contract, runs its handler and returns the result as data.
 * The Electron shell and the end-to-end tests call the same dispatcher, so what the tests
 * exercise is exactly what the window gets.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: `Yêu cầu không hợp lệ: kênh "${String(channel)}" không tồn tại.` },
      };
    }
    const parsed = contract[channel].input.safeParse(payload ?? {});
    if (!parsed.success) {
      const details = describeIssues(parsed.error.issues);
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `Dữ liệu gửi lên không hợp lệ: ${details.map((d) => (d.where ? `${d.where}: ${d.message}` : d.message)).join('; ')}`,
          details,
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toData() };
      log(`Lỗi không mong muốn ở kênh ${String(channel)}`, e);
      return { ok: false, error: new AppError('internal', internalErrorMessage).toData() };
    }
  };
}
