import { describe, expect, it } from 'vitest';
import { buildEml } from '../../../tests/fixtures/replies';
import { seedAppendixXlsx } from '../../../tests/fixtures/seed-appendix';
import { parseReply } from './parse-reply';
import { createWorkerParser } from './reply-parser';
import { runPipelined } from './pipeline';

describe('parsing replies in a worker thread', () => {
  it('gives what parsing on this thread gives', async () => {
    const eml = await buildEml({ from: 'congan@quangngai.gov.vn', subject: 'Báo cáo số liệu', messageId: '<w@qn>', attachments: [{ filename: 'phu-luc.xlsx', content: await seedAppendixXlsx() }] });
    const parser = createWorkerParser();
    try {
      const inWorker = await parser.parse({ fileName: 'a.eml', bytes: eml });
      const here = await parseReply({ fileName: 'a.eml', bytes: eml });
      const summary = (r: typeof here) =>
        r.ok && r.found.data?.kind === 'table'
          ? { hash: r.hash, messageId: r.src.message.messageId, from: r.src.message.fromAddress, subject: r.src.message.subject, notes: r.found.notes, rows: r.found.data.rows }
          : r;
      expect(summary(inWorker)).toEqual(summary(here));
      expect(inWorker.ok && inWorker.found.data?.kind).toBe('table');
      const broken = await parser.parse({ fileName: 'b.eml', bytes: Buffer.from('') });
      expect(broken.ok).toBe(false);
    } finally {
      await parser.close();
    }
  });

  it('keeps the order of a batch while the next items are parsed ahead, at most three at a time', async () => {
    const order: string[] = [];
    const results = await runPipelined(
      ['a', 'b', 'c', 'd', 'e'],
      (x) => { order.push(`parse ${x}`); return Promise.resolve({ ok: false, error: x }); },
      async (x, parsed) => { order.push(`store ${x}`); return [{ file: x, status: 'rejected', unitCode: null, roundId: null, values: 0, warnings: [], errors: [parsed && !parsed.ok ? parsed.error : ''] }]; },
    );
    expect(results.map((r) => r.errors[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(order).toEqual(['parse a', 'parse b', 'parse c', 'parse d', 'store a', 'parse e', 'store b', 'store c', 'store d', 'store e']);
  });
});
