/**
 * A worker thread that reads untrusted bytes (e-mails, workbooks, Word files, zips) for the main
 * thread. It touches no database and no file; it only answers messages. Its heap is capped by the
 * pool that starts it (resourceLimits), and the pool stops it when a file takes too long.
 */
import { cellString } from '../../../shared/text/cell-string';
import { parentPort } from 'node:worker_threads';
import { isAppError, type ErrorCode, type ErrorDetail } from '../../../shared/errors';
import { parseTasks, type ParseTaskName } from './parse-tasks';

export type WorkerRequest = { id: number; task: ParseTaskName; input: unknown };
export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: ErrorCode; message: string; details?: ErrorDetail[]; detail?: string };

parentPort?.on('message', (msg: WorkerRequest) => {
  const run = parseTasks[msg.task] as (input: unknown) => Promise<unknown>;
  Promise.resolve()
    .then(() => run(msg.input))
    .then(
      (result) => parentPort!.postMessage({ id: msg.id, ok: true, result } satisfies WorkerReply),
      (e: unknown) =>
        parentPort!.postMessage(
          (isAppError(e)
            ? {
                id: msg.id,
                ok: false,
                code: e.code,
                message: e.message,
                ...(e.details ? { details: e.details } : {}),
                ...(e.cause
                  ? { detail: e.cause instanceof Error ? (e.cause.stack ?? e.cause.message) : cellString(e.cause) }
                  : {}),
              }
            : // A reader's own failure: its English text is for the log, never for the user.
              {
                id: msg.id,
                ok: false,
                code: 'internal',
                message: '',
                detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
              }) satisfies WorkerReply,
        ),
    );
});
