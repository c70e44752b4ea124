import type { ImportResult } from '../../../shared/domain/inbox';
import type { ParsedReply } from './parse-reply';

/** Replies parsed ahead of the one being stored: enough to keep the worker busy, few enough to bound memory. */
const LOOKAHEAD = 3;

/**
 * Runs a batch so that the next items are being parsed (in the worker, one after another) while the
 * current one is being stored (on this thread, which owns the database): two cores, one transaction
 * per file as before. Up to LOOKAHEAD parses are queued, so the worker never waits for a slow store
 * and the store never waits for a slow parse. `parse` returns null for an item it cannot parse ahead
 * (an .mbox, which is a batch of its own).
 */
export async function runPipelined<T>(
  items: T[],
  parse: (item: T) => Promise<ParsedReply> | null,
  store: (item: T, parsed: ParsedReply | null) => Promise<ImportResult[]>,
  onEach?: (index: number, item: T) => void,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const ahead: (Promise<ParsedReply> | null)[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && ahead.length < LOOKAHEAD) {
      const p = parse(items[next++]!);
      // A failed parse is reported when its turn comes; until then it must not count as unhandled.
      p?.catch(() => undefined);
      ahead.push(p);
    }
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    onEach?.(i, items[i]!);
    const current = ahead.shift()!;
    fill();
    results.push(...(await store(items[i]!, current === null ? null : await current)));
  }
  return results;
}
