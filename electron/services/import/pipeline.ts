import type { ImportResult } from '../../../shared/domain/inbox';
import type { ParsedReply } from './parse-reply';

/**
 * Runs a batch so that the next item is being parsed (in the worker) while the current one is being
 * stored (on this thread, which owns the database): two cores, one transaction per file as before.
 * `parse` returns null for an item it cannot parse ahead (an .mbox, which is a batch of its own).
 */
export async function runPipelined<T>(
  items: T[],
  parse: (item: T) => Promise<ParsedReply> | null,
  store: (item: T, parsed: ParsedReply | null) => Promise<ImportResult[]>,
  onEach?: (index: number, item: T) => void,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  let ahead = items.length > 0 ? parse(items[0]!) : null;
  for (let i = 0; i < items.length; i++) {
    onEach?.(i, items[i]!);
    const current = ahead;
    ahead = i + 1 < items.length ? parse(items[i + 1]!) : null;
    results.push(...(await store(items[i]!, current === null ? null : await current)));
  }
  return results;
}
