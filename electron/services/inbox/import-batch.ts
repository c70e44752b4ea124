import type { ImportResult } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { storeReply, type ImportSource } from './import-reply';
import { runPipelined } from './run-pipelined';
import { parseReplyInWorker, readAndParse } from './parse-reply-in-worker';
import { withBatchDurability } from '../../../db/batch-durability';
import { importPath } from './import-path';
import { loadImportLookups } from './import-lookups';
import { listReplyFiles } from './list-reply-files';

type Progress = (done: number, total: number, label: string) => void;

/**
 * Imports files and folders one file at a time, reporting progress; one file's failure stops nothing
 * else. With `onResult`, each file's result is handed over as soon as it is stored and none is kept
 * (a batch of 2,000 replies then holds no more than one of 500); otherwise they are returned.
 */
export async function importPaths(
  ctx: ServiceContext,
  paths: string[],
  onProgress?: Progress,
  options: { roundId?: number; onResult?: (result: ImportResult) => void } = {},
): Promise<ImportResult[]> {
  const { onResult, ...importOptions } = options;
  const files = paths.flatMap(listReplyFiles);
  const lookups = await loadImportLookups(ctx.db);
  const handOver = (results: ImportResult[]): ImportResult[] => {
    if (!onResult) return results;
    for (const r of results) onResult(r);
    return [];
  };
  const results = await withBatchDurability(ctx.db, () =>
    runPipelined(
      files,
      (f) => (f.toLowerCase().endsWith('.mbox') ? null : readAndParse(f)),
      async (f, parsed) =>
        handOver(
          parsed === null
            ? await importPath(ctx, f, { ...importOptions, lookups })
            : [await storeReply(ctx, parsed, { ...importOptions, lookups }, f)],
        ),
      (i, f) => onProgress?.(i, files.length, f),
    ),
  );
  onProgress?.(files.length, files.length, '');
  return results;
}

/** Imports files the user dropped on the window, as their contents. */
export async function importDropped(
  ctx: ServiceContext,
  files: ImportSource[],
  onProgress?: Progress,
): Promise<ImportResult[]> {
  const lookups = await loadImportLookups(ctx.db);
  const results = await withBatchDurability(ctx.db, () =>
    runPipelined(
      files,
      (f) => parseReplyInWorker(f),
      async (f, parsed) => [await storeReply(ctx, parsed!, { lookups }, f.fileName)],
      (i, f) => onProgress?.(i, files.length, f.fileName),
    ),
  );
  onProgress?.(files.length, files.length, '');
  return results;
}
