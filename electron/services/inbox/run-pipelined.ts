import type { ImportResult } from '../../../shared/domain/inbox';
import type { ParsedReply } from './parse-reply';

/** Replies parsed ahead of the one being stored: enough to keep both parse workers busy, few enough to bound memory. */
export const LOOKAHEAD = 3;

/**
 * Runs a batch so that the next items are being parsed (in the parse workers) while the current one
 * is being stored (on this thread, which owns the database): one transaction per file as before.
 * Up to `lookahead` parses are under way past the one being stored, so the workers never wait for
 * a slow store and the store never waits for a slow parse. Items may come from a stream (an
 * mbox's messages), taken only as the window moves. `parse` returns null for an item it cannot
 * parse ahead (an .mbox, which is a batch of its own).
 */
export async function runPipelined<T>(
  items: Iterable<T> | AsyncIterable<T>,
  parse: (item: T) => Promise<ParsedReply> | null,
  store: (item: T, parsed: ParsedReply | null) => Promise<ImportResult[]>,
  onEach?: (index: number, item: T) => void,
  lookahead = LOOKAHEAD,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const ahead: { item: T; parsed: Promise<ParsedReply> | null }[] = [];
  let index = 0;
  const storeFirst = async () => {
    const { item, parsed } = ahead.shift()!;
    onEach?.(index++, item);
    results.push(...(await store(item, parsed === null ? null : await parsed)));
  };
  for await (const item of items) {
    const parsed = parse(item);
    // A failed parse is reported when its turn comes; until then it must not count as unhandled.
    parsed?.catch(() => undefined);
    ahead.push({ item, parsed });
    if (ahead.length > lookahead) await storeFirst();
  }
  while (ahead.length > 0) await storeFirst();
  return results;
}
