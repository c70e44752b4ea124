import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ParseTaskInput, ParseTaskName, ParseTaskOutput } from './parse-tasks';
import type { WorkerReply } from './parse-worker';

/**
 * The bounds on reading one untrusted file. A file that needs more heap than `heapMb`, or more time
 * than `fileMs`, costs only itself: its worker is stopped, the file is refused with a Vietnamese
 * reason naming the limit, and the next file gets a fresh worker. Buffers (the bytes a file
 * inflates to) live outside the heap: the readers bound those themselves, by bytes produced.
 */
export interface ParseLimits {
  /** Worker threads reading at once: two, so one core stores while both read (the machines have two). */
  workers: number;
  heapMb: number;
  fileMs: number;
}

export const PARSE_LIMITS: ParseLimits = { workers: 2, heapMb: 256, fileMs: 20_000 };

interface Job {
  task: ParseTaskName;
  input: unknown;
  /** The file's name, for the reason a refusal gives. */
  label: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  jobId: number;
  timer: NodeJS.Timeout | null;
}

/** Technical text (a reader's English message, a worker's exit) goes here, never to the user. */
export type TechnicalLog = (message: string) => void;

/**
 * Starts a worker: the bundled parse-worker (.cjs in the app) beside the main process, or in
 * development and tests the TypeScript source, loaded through tsx's loader registered in the worker
 * (a worker's own entry file does not get the parent's --import hooks).
 */
export function startParseWorker(limits: ParseLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 };
  const here = import.meta.url;
  // Built, the worker sits beside this bundle in its format: parse-worker.cjs (the app) or .js (an ES build).
  if (!here.endsWith('.ts'))
    return new Worker(new URL(`./parse-worker${path.extname(new URL(here).pathname)}`, here), { resourceLimits });
  const entry = new URL('./parse-worker.ts', here).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, resourceLimits },
  );
}

/**
 * Worker threads that read untrusted bytes within limits, one file per worker at a time, in the
 * order asked (results come back to each caller as their own file finishes). Idle workers do not
 * keep the process alive; a busy one does, until its file is read or its time is up.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly limits: ParseLimits = PARSE_LIMITS,
    private readonly log: TechnicalLog = () => undefined,
    private readonly start: (limits: ParseLimits) => Worker = startParseWorker,
  ) {}

  run<K extends ParseTaskName>(task: K, input: ParseTaskInput<K>, label: string): Promise<ParseTaskOutput<K>> {
    if (this.closed) return Promise.reject(new AppError('internal', 'Luồng đọc tệp đã dừng.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, input, label, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Starts the workers and has each load its readers, so the first import is as fast as the rest. */
  async warm(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.limits.workers }, () =>
        this.run('reply', { fileName: 'warm-up.txt', bytes: new Uint8Array() }, 'warm-up.txt'),
      ),
    );
  }

  /** How many workers are running now (for tests: a dead one is gone, not reused). */
  get running(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AppError('internal', 'Luồng đọc tệp đã dừng.'));
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.limits.workers) slot = this.spawn() ?? undefined;
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot | null {
    let worker: Worker;
    try {
      worker = this.start(this.limits);
    } catch (e) {
      this.log(`parse worker did not start: ${(e as Error).stack ?? String(e)}`);
      const job = this.queue.shift()!;
      job.reject(new AppError('internal', `Không khởi động được luồng đọc tệp để đọc "${job.label}".`));
      return null;
    }
    const slot: Slot = { worker, job: null, jobId: -1, timer: null };
    worker.on('message', (m: WorkerReply) => this.answered(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      this.log(`parse worker failed: ${e.code ?? ''} ${e.stack ?? e.message}`);
      const job = slot.job;
      this.retire(
        slot,
        job &&
          (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryRefusal(job.label, this.limits) : crashRefusal(job.label)),
      );
    });
    worker.on('exit', (code) => {
      if (slot.job) this.log(`parse worker exited (${code}) while reading ${slot.job.label}`);
      this.retire(slot, slot.job && crashRefusal(slot.job.label));
    });
    // Listeners ref the worker's port; an idle worker must not keep the process alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.jobId = this.nextId++;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.log(`parse worker stopped after ${this.limits.fileMs} ms on ${job.label}`);
      this.retire(slot, timeRefusal(job.label, this.limits));
    }, this.limits.fileMs);
    slot.timer.unref();
    slot.worker.postMessage({ id: slot.jobId, task: job.task, input: job.input });
  }

  private answered(slot: Slot, m: WorkerReply): void {
    const job = slot.job;
    if (!job || m.id !== slot.jobId) return;
    this.release(slot);
    if (m.ok) job.resolve(m.result);
    else {
      if (m.detail) this.log(`reading ${job.label}: ${m.detail}`);
      job.reject(new AppError(m.code, m.message || damagedRefusal(job.label), m.details));
    }
    this.pump();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  /** Takes a worker out of the pool (it died, or ran out of time): its file is refused, the queue goes on with a fresh one. */
  private retire(slot: Slot, refusal: AppError | null): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    const job = slot.job;
    this.release(slot);
    void this.stop(slot);
    if (job && refusal) job.reject(refusal);
    this.pump();
  }

  private async stop(slot: Slot): Promise<void> {
    try {
      await slot.worker.terminate();
    } catch {
      // already gone
    }
  }
}

function memoryRefusal(label: string, limits: ParseLimits): AppError {
  return new AppError(
    'invalid-input',
    `Tệp "${path.basename(label)}" cần nhiều bộ nhớ hơn giới hạn ${limits.heapMb} MB dành cho việc đọc một tệp; không đọc được tệp này.`,
  );
}

function timeRefusal(label: string, limits: ParseLimits): AppError {
  return new AppError(
    'invalid-input',
    `Tệp "${path.basename(label)}" đọc quá ${(limits.fileMs / 1000).toLocaleString('vi-VN')} giây (giới hạn thời gian cho một tệp); đã dừng đọc tệp này.`,
  );
}

function crashRefusal(label: string): AppError {
  return new AppError(
    'unsupported-file',
    `Không đọc được tệp "${path.basename(label)}": việc đọc tệp bị dừng bất thường; các tệp khác không bị ảnh hưởng.`,
  );
}

function damagedRefusal(label: string): string {
  return `Không đọc được tệp "${path.basename(label)}": tệp bị hỏng hoặc không đúng định dạng.`;
}

let shared: ParsePool | null = null;
let sharedLog: TechnicalLog = () => undefined;

/** The app's pool, started on first use and kept: idle workers cost nothing and keep nothing alive. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool(PARSE_LIMITS, (m) => sharedLog(m));
  return shared;
}

/** Where the shared pool's technical text goes (the app's log). */
export function setParseLog(log: TechnicalLog): void {
  sharedLog = log;
}

/** Runs one task in the shared pool. */
export function parseInWorker<K extends ParseTaskName>(
  task: K,
  input: ParseTaskInput<K>,
  label: string,
): Promise<ParseTaskOutput<K>> {
  return sharedParsePool().run(task, input, label);
}

/** Stops the shared pool's workers (the command line's end, the app's quit). */
export async function closeSharedParsePool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
