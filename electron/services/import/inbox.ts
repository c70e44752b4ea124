import { AppError } from '../../../shared/errors';
import type { ImportResult, InboxMessage } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
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
export async function listInboxMessages(ctx: ServiceContext): Promise<InboxMessage[]> {
  const rows = await ctx.db
    .selectFrom('email_message as m')
    .leftJoin('org_unit as u', 'u.id', 'm.unit_id')
    .leftJoin('report_round as r', 'r.id', 'm.round_id')
    .leftJoin('stored_file as f', 'f.id', 'm.source_file_id')
    .select([
      'm.id',
      'm.source',
      'm.source_file_id',
      'f.original_name',
      'm.from_address',
      'm.from_name',
      'm.subject',
      'm.sent_at',
      'm.imported_at',
      'm.status',
      'm.unit_id',
      'u.name as unit_name',
      'm.round_id',
      'r.name as round_name',
      'm.problem',
    ])
    .orderBy('m.imported_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const attachments = await ctx.db.selectFrom('email_attachment').select(['message_id', 'file_name']).execute();
  const byMessage = new Map<number, string[]>();
  for (const a of attachments) byMessage.set(a.message_id, [...(byMessage.get(a.message_id) ?? []), a.file_name]);
  return rows.map((r) => ({
    id: r.id,
    sourceFileId: r.source_file_id,
    source: r.source,
    fileName: r.original_name,
    fromAddress: r.from_address,
    fromName: r.from_name,
    subject: r.subject,
    sentAt: r.sent_at,
    importedAt: r.imported_at,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roundId: r.round_id,
    roundName: r.round_name,
    notes: r.problem ? r.problem.split('\n') : [],
    attachments: byMessage.get(r.id) ?? [],
  }));
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
  const m = await ctx.db
    .selectFrom('email_message')
    .select(['id', 'source_file_id'])
    .where('id', '=', input.messageId)
    .executeTakeFirst();
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
