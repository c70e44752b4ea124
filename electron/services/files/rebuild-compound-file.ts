import CFB from 'cfb';
import { AppError } from '../../../shared/errors';
import { readerFailureReason } from './reader-failure';

/**
 * An OLE compound file (Outlook .msg, Word .doc) read by SheetJS's cfb, which follows every sector
 * chain and directory link at most once, and written again from its streams alone: a fresh sector
 * table and directory tree, none of the original's.
 *
 * The readers for .msg (msgreader) and .doc (word-extractor) trust the container: a damaged file
 * whose chain or directory tree loops back on itself made msgreader grow its memory until the
 * process died (found by fuzzing). They now only ever see a container built here, where no chain
 * can loop. The streams' names and contents are kept as read; storages are recreated from their
 * streams' paths.
 */
export function rebuildCompoundFile(fileName: string, bytes: Uint8Array, what: string): Buffer {
  let read: CFB.CFB$Container;
  try {
    read = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (e) {
    throw new AppError(
      'unsupported-file',
      `Không đọc được ${what} "${fileName}": ${readerFailureReason(e)}.`,
      undefined,
      { cause: e },
    );
  }
  const rebuilt = CFB.utils.cfb_new();
  const added = new Set<string>();
  read.FileIndex.forEach((entry, i) => {
    // Streams only (type 2); the root's own name ("Root Entry/…") becomes "/".
    const where = read.FullPaths[i]!.replace(/^[^/]*\//, '/');
    // SheetJS's own placeholder stream is written again by cfb_new. A name longer than a compound
    // file allows (31 characters) can only come from damage: that stream is left out.
    const valid = where.split('/').every((part) => part.length <= 31);
    if (
      entry.type === 2 &&
      entry.content &&
      valid &&
      !where.endsWith('/') &&
      where !== '/\u0001Sh33tJ5' &&
      !added.has(where)
    ) {
      // 'unsafe' skips cfb's search and full rebuild after each stream (quadratic: a 2 MB .msg with
      // 1,000 recipients took a minute); paths are kept unique here and the tree is built once below.
      added.add(where);
      CFB.utils.cfb_add(rebuilt, where, Buffer.from(entry.content as Uint8Array), { unsafe: true });
    }
  });
  CFB.utils.cfb_gc(rebuilt);
  return Buffer.from(CFB.write(rebuilt, { type: 'buffer' }) as Uint8Array);
}
