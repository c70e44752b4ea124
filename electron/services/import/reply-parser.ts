import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { parseReply, readReplyFile, type ImportSource, type ParsedReply } from './parse-reply';

/** Parses replies for a batch: in a worker thread when one can start, otherwise on this thread. */
export interface ReplyParser {
  parse(input: ImportSource): Promise<ParsedReply>;
  close(): Promise<void>;
}

export const inlineParser: ReplyParser = { parse: parseReply, close: async () => undefined };

/** Reads a file and hands it to the parser; a file that cannot be read becomes a rejection, never a throw. */
export async function readAndParse(parser: ReplyParser, filePath: string): Promise<ParsedReply> {
  try {
    return await parser.parse(readReplyFile(filePath));
  } catch (e) {
    return { ok: false, error: isAppError(e) ? e.message : `Lỗi không mong muốn khi đọc "${path.basename(filePath)}": ${(e as Error).message}` };
  }
}

/**
 * Starts the worker: the bundled parse-worker.js beside the main process in the app, or in
 * development and tests the TypeScript source, loaded through tsx's loader registered in the worker
 * (a worker's own entry file does not get the parent's --import hooks).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', here));
  const entry = new URL('./parse-worker.ts', here).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

let shared: ReplyParser | null = null;

/**
 * The app's parse worker, started once and kept (it does not keep the process alive): the first
 * batch does not wait for a thread to start and warm up. The shell calls it at start-up; a worker
 * that died is replaced on the next call.
 */
export function sharedReplyParser(): ReplyParser {
  if (shared === null || (shared as ReplyParser & { dead?: boolean }).dead) shared = createWorkerParser();
  return shared;
}

/** Starts the shared worker and has it load its parsers, so the first import is as fast as the rest. */
export async function warmReplyParser(): Promise<void> {
  await sharedReplyParser().parse({ fileName: 'warm-up.txt', bytes: new Uint8Array() });
}

export function createWorkerParser(): ReplyParser {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return inlineParser;
  }
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: ParsedReply) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; result?: ParsedReply; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.result) p.resolve(m.result);
    else p.reject(new Error(m.error ?? 'parse failed'));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`parse worker exited (${code})`)));
  // The worker keeps the process alive only while it has replies to read. Unreferenced after the
  // listeners: adding a 'message' listener refs its port again, which kept every command-line
  // import (and the benchmark) running after its work was done.
  worker.unref();
  const parser = {
    get dead() {
      return failed !== null;
    },
    parse(input: ImportSource) {
      // A worker that has died is not asked again: the reply is parsed here instead.
      if (failed) return parseReply(input);
      return new Promise<ParsedReply>((resolve, reject) => {
        const id = nextId++;
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input });
      }).catch(() => parseReply(input));
    },
    async close() {
      await worker.terminate();
    },
  };
  return parser;
}
