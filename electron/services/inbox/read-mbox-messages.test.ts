import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readMboxMessages, type MboxMessage } from './read-mbox-messages';

async function split(text: string | Buffer, maxBytes = 1000, chunk = 0): Promise<(string | number)[]> {
  const bytes = Buffer.from(text);
  const pieces =
    chunk > 0
      ? Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk))
      : [bytes];
  const out: MboxMessage[] = [];
  for await (const m of readMboxMessages(Readable.from(pieces), maxBytes)) out.push(m);
  return out.map((m) => (m.bytes === null ? m.size : m.bytes.toString()));
}

const box = [
  'From a@x.vn Fri Jul  3 09:00:00 2020',
  'Subject: một',
  '',
  'Dòng 1',
  '>From the quoted line',
  '>>From twice quoted',
  '> a reply, not a quoted From',
  '',
  'From b@x.vn Fri Jul  3 10:00:00 2020',
  'Subject: hai',
  '',
  'Thân thư',
  '',
].join('\n');

describe('the messages of an mbox', () => {
  it('splits at "From " lines and undoes mboxrd quoting, in any chunking', async () => {
    const want = [
      'Subject: một\n\nDòng 1\nFrom the quoted line\n>From twice quoted\n> a reply, not a quoted From',
      'Subject: hai\n\nThân thư',
    ];
    expect(await split(box)).toEqual(want);
    for (const chunk of [1, 2, 7, 64]) expect(await split(box, 1000, chunk)).toEqual(want);
  });

  it('passes over a message larger than the limit, giving its size, and goes on', async () => {
    const big = `From a@x.vn Fri Jul  3 09:00:00 2020\n${'x'.repeat(99)}\n${'y'.repeat(200)}\nFrom b@x.vn Fri Jul  3 10:00:00 2020\nnhỏ\n`;
    expect(await split(big, 250, 16)).toEqual([301, 'nhỏ']);
  });

  it('finds nothing in a file without a "From " line, and keeps a line longer than a chunk whole', async () => {
    expect(await split('Subject: không phải mbox\n\nnội dung\n')).toEqual([]);
    const long = `From a@x.vn Fri Jul  3 09:00:00 2020\n${'z'.repeat(200_000)}From b\nend`;
    const [first] = await split(long, 1_000_000, 50_000);
    expect(first).toBe(`${'z'.repeat(200_000)}From b\nend`);
  });
});
