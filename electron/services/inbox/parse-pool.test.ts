import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildEml } from '../../../tests/fixtures/replies';
import { seedAppendixXlsx } from '../../../tests/fixtures/seed-appendix';
import { parseReply } from './parse-reply';
import { ParsePool, type ParseLimits } from './parse-pool';
import { runPipelined } from './run-pipelined';

/**
 * A stand-in worker speaking the parse worker's protocol, whose "files" misbehave on purpose: "hang"
 * loops for ever, "hog" grows its heap until the limit stops it, "exit" ends the thread; anything
 * else is answered with the worker's thread id, so a test sees which worker read it.
 */
const misbehaving = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, input }) => {
  if (input.fileName === 'hang') for (;;) {}
  if (input.fileName === 'hog') { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: keep.length })); }
  if (input.fileName === 'exit') process.exit(3);
  parentPort.postMessage({ id, ok: true, result: { ok: false, error: 'read by ' + threadId } });
});`;
const startMisbehaving = (limits: ParseLimits) =>
  new Worker(misbehaving, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 8 },
  });
const file = (fileName: string) => ({ fileName, bytes: new Uint8Array() });

describe('the parse pool', () => {
  it('gives what parsing on this thread gives', async () => {
    const eml = await buildEml({
      from: 'congan@quangngai.gov.vn',
      subject: 'Báo cáo số liệu',
      messageId: '<w@qn>',
      attachments: [{ filename: 'phu-luc.xlsx', content: await seedAppendixXlsx() }],
    });
    const pool = new ParsePool();
    try {
      const inWorker = await pool.run('reply', { fileName: 'a.eml', bytes: eml }, 'a.eml');
      const here = await parseReply({ fileName: 'a.eml', bytes: eml });
      const summary = (r: typeof here) =>
        r.ok && r.found.data?.kind === 'table'
          ? {
              hash: r.hash,
              messageId: r.src.message.messageId,
              from: r.src.message.fromAddress,
              subject: r.src.message.subject,
              notes: r.found.notes,
              rows: r.found.data.rows,
            }
          : r;
      expect(summary(inWorker)).toEqual(summary(here));
      expect(inWorker.ok && inWorker.found.data?.kind).toBe('table');
      const broken = await pool.run('reply', { fileName: 'b.eml', bytes: Buffer.from('') }, 'b.eml');
      expect(broken.ok).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('refuses a file that outgrows the heap limit, naming the limit, and reads the next with a fresh worker', async () => {
    const logged: string[] = [];
    const pool = new ParsePool({ workers: 1, heapMb: 32, fileMs: 20_000 }, (m) => logged.push(m), startMisbehaving);
    try {
      const first = (await pool.run('reply', file('a'), 'a')) as { error: string };
      await expect(pool.run('reply', file('hog'), 'bao-cao-phinh.xlsx')).rejects.toThrow(
        'Tệp "bao-cao-phinh.xlsx" cần nhiều bộ nhớ hơn giới hạn 32 MB dành cho việc đọc một tệp; không đọc được tệp này.',
      );
      const next = (await pool.run('reply', file('b'), 'b')) as { error: string };
      expect(next.error).toMatch(/^read by \d+$/);
      expect(next.error).not.toBe(first.error);
      expect(logged.join('\n')).toMatch(/ERR_WORKER_OUT_OF_MEMORY/);
    } finally {
      await pool.close();
    }
  });

  it('stops a file that runs past the time limit; the files queued behind it are read', async () => {
    const pool = new ParsePool({ workers: 1, heapMb: 64, fileMs: 500 }, undefined, startMisbehaving);
    try {
      const hang = pool.run('reply', file('hang'), 'thu-treo.eml');
      const after = pool.run('reply', file('c'), 'c');
      await expect(hang).rejects.toThrow(
        'Tệp "thu-treo.eml" đọc quá 0,5 giây (giới hạn thời gian cho một tệp); đã dừng đọc tệp này.',
      );
      expect(((await after) as { error: string }).error).toMatch(/^read by \d+$/);
      expect(pool.running).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses the file whose worker ended, and only that file', async () => {
    const pool = new ParsePool({ workers: 2, heapMb: 64, fileMs: 20_000 }, undefined, startMisbehaving);
    try {
      const results = await Promise.allSettled(
        ['a', 'exit', 'b', 'c'].map((n) => pool.run('reply', file(n), `${n}.eml`)),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason.message).toBe(
        'Không đọc được tệp "exit.eml": việc đọc tệp bị dừng bất thường; các tệp khác không bị ảnh hưởng.',
      );
    } finally {
      await pool.close();
    }
  });

  it('reads on two workers at once', async () => {
    const pool = new ParsePool({ workers: 2, heapMb: 64, fileMs: 20_000 }, undefined, startMisbehaving);
    try {
      const readers = await Promise.all(['a', 'b', 'c', 'd'].map((n) => pool.run('reply', file(n), n)));
      expect(new Set(readers.map((r) => (r as { error: string }).error)).size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('keeps the order of a batch while the next items are parsed ahead, at most three at a time', async () => {
    const order: string[] = [];
    const results = await runPipelined(
      ['a', 'b', 'c', 'd', 'e'],
      (x) => {
        order.push(`parse ${x}`);
        return Promise.resolve({ ok: false, error: x });
      },
      async (x, parsed) => {
        order.push(`store ${x}`);
        return [
          {
            file: x,
            status: 'rejected',
            unitCode: null,
            roundId: null,
            values: 0,
            warnings: [],
            errors: [parsed && !parsed.ok ? parsed.error : ''],
          },
        ];
      },
    );
    expect(results.map((r) => r.errors[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(order).toEqual([
      'parse a',
      'parse b',
      'parse c',
      'parse d',
      'store a',
      'parse e',
      'store b',
      'store c',
      'store d',
      'store e',
    ]);
  });
});
