import { AppError } from '../../../shared/errors';
import type { ImportResult, InboxMessage } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { getMessageRecord, listInboxRows } from '../../../db/email/repo';
import { readOriginal } from '../files/file-store';
import { readParts } from './read-parts';
import { importReplySource, storeReply, type ImportSource, type RowChoice } from './import-reply';
import { runPipelined } from './pipeline';
import { parseReplyInWorker, readAndParse } from './reply-parser';
import { withBatchDurability } from '../../../db/batch-durability';
import { importFile } from './import-file';
import { loadImportLookups } from './import-lookups';
import { listReplyFiles } from './list-reply-files';

type Progress = (done: number, total: number, label: string) => void;

/** Every message or file received, newest first, with what became of it. */
export function listInboxMessages(ctx: ServiceContext): Promise<InboxMessage[]> {
  return listInboxRows(ctx.db);
}

/** Imports files and folders one file at a time, reporting progress; one file's failure stops nothing else. */
export async function importPaths(
  ctx: ServiceContext,
  paths: string[],
  onProgress?: Progress,
  options: { roundId?: number } = {},
): Promise<ImportResult[]> {
  const files = paths.flatMap(listReplyFiles);
  const lookups = await loadImportLookups(ctx.db);
  const results = await withBatchDurability(ctx.db, () =>
    runPipelined(
      files,
      (f) => (f.toLowerCase().endsWith('.mbox') ? null : readAndParse(f)),
      async (f, parsed) =>
        parsed === null
          ? importFile(ctx, f, { ...options, lookups })
          : [await storeReply(ctx, parsed, { ...options, lookups }, f)],
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

/** Review: the user says which unit (and round) sent a message; its stored original is read again with that. */
export async function reviewMessage(
  ctx: ServiceContext,
  input: { messageId: number; unitId: number; roundId?: number; rowChoices?: RowChoice[] },
): Promise<ImportResult> {
  const m = await getMessageRecord(ctx.db, input.messageId);
  if (!m || m.source_file_id === null)
    throw new AppError('not-found', `Không có thư số ${input.messageId} trong hộp thư đến.`);
  const original = await readOriginal(ctx.db, m.source_file_id, readParts);
  return importReplySource(
    ctx,
    { fileName: original.name, bytes: original.bytes },
    {
      unitId: input.unitId,
      ...(input.roundId !== undefined ? { roundId: input.roundId } : {}),
      ...(input.rowChoices ? { rowChoices: input.rowChoices } : {}),
      messageRowId: m.id,
    },
  );
}
