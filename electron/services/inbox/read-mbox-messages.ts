/**
 * The messages of an .mbox file, one at a time, as a stream is read: at most one message (up to
 * `maxBytes`) is held in memory, however large the file. A message over the limit is passed over
 * while it streams and reported by its number with its size. Only the mbox framing is done here
 * (the "From " separator lines, and mboxrd's ">From " quoting undone); each message's bytes are
 * parsed in the parse worker like any e-mail.
 *
 * mbox-reader, used before, shifted lines off one array (quadratic: a 20 MB mbox of short lines
 * took 90 s and a gigabyte) and held a message of any size.
 */
export type MboxMessage = { number: number; bytes: Uint8Array } | { number: number; bytes: null; size: number };

const FROM = Buffer.from('From ');
const NL_FROM = Buffer.from('\nFrom ');
const NL_QUOTE = Buffer.from('\n>');
/** A line longer than this cannot be a separator; it is passed on in pieces instead of being held whole. */
const MAX_HELD_LINE = 64 * 1024;

function startsWithFrom(b: Buffer, at: number): boolean {
  return b.length - at >= 5 && b[at] === 0x46 && b.subarray(at, at + 5).equals(FROM);
}

export async function* readMboxMessages(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<MboxMessage> {
  let number = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let started = false;
  let pending: Buffer = Buffer.alloc(0);
  /** A long line was passed on in pieces: the next chunk starts inside it, not at a line's start. */
  let midLine = false;

  const finish = (): MboxMessage | null => {
    if (!started) return null;
    const done: MboxMessage = over
      ? { number, bytes: null, size }
      : { number, bytes: trimEnd(Buffer.concat(parts, size)) };
    parts = [];
    size = 0;
    over = false;
    return done;
  };
  // Bytes before the first separator are not a message (a file that is not an mbox at all is said by the caller).
  const add = (piece: Buffer) => {
    if (!started || piece.length === 0) return;
    size += piece.length;
    if (over) return;
    if (size > maxBytes) {
      over = true;
      parts = [];
      return;
    }
    parts.push(Buffer.from(piece));
  };

  /**
   * Complete lines of `data` (which starts at a line's start) up to `end`: runs of ordinary lines
   * are added in one piece, found with native searches; the next "\nFrom " and "\n>" are searched
   * once each and remembered, so many quoted lines cannot make this quadratic.
   */
  function* lines(data: Buffer, end: number): Generator<MboxMessage> {
    let pos = 0;
    if (midLine) {
      const nl = data.indexOf(0x0a);
      pos = nl < 0 || nl >= end ? end : nl + 1;
      add(data.subarray(0, pos));
      midLine = false;
    }
    let nextFrom = -2;
    let nextQuote = -2;
    while (pos < end) {
      if (startsWithFrom(data, pos)) {
        const done = finish();
        if (done) yield done;
        number++;
        started = true;
        pos = data.indexOf(0x0a, pos) + 1;
        continue;
      }
      if (data[pos] === 0x3e) {
        const nl = data.indexOf(0x0a, pos) + 1;
        let q = pos;
        while (data[q] === 0x3e) q++;
        // mboxrd: a body line ">From " (with one or more '>') was quoted by one '>' when the mailbox was written.
        add(startsWithFrom(data, q) ? data.subarray(pos + 1, nl) : data.subarray(pos, nl));
        pos = nl;
        continue;
      }
      if (nextFrom !== -1 && nextFrom < pos) nextFrom = data.indexOf(NL_FROM, pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = data.indexOf(NL_QUOTE, pos);
      let next = end;
      if (nextFrom >= 0 && nextFrom + 1 < next) next = nextFrom + 1;
      if (nextQuote >= 0 && nextQuote + 1 < next) next = nextQuote + 1;
      add(data.subarray(pos, next));
      pos = next;
    }
  }

  for await (const chunk of stream) {
    const data: Buffer = pending.length > 0 ? Buffer.concat([pending, Buffer.from(chunk)]) : Buffer.from(chunk);
    const end = data.lastIndexOf(0x0a) + 1;
    yield* lines(data, end);
    const rest = data.subarray(end);
    if (rest.length > MAX_HELD_LINE && !startsWithFrom(rest, 0)) {
      add(rest);
      pending = Buffer.alloc(0);
      midLine = true;
    } else {
      // Keep only the unfinished line, not the chunk it came in.
      pending = Buffer.from(rest);
    }
  }
  if (pending.length > 0) yield* lines(Buffer.concat([pending, Buffer.from('\n')]), pending.length + 1);
  const last = finish();
  if (last) yield last;
}
/** The blank line that separates one message from the next separator belongs to neither. */
function trimEnd(b: Buffer): Buffer {
  let end = b.length;
  if (b[end - 1] === 0x0a) end--;
  if (b[end - 1] === 0x0d) end--;
  if (b[end - 1] === 0x0a) end--;
  if (b[end - 1] === 0x0d) end--;
  return b.subarray(0, end);
}
