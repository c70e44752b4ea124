import { AppError } from '../../../shared/errors';
import { cellString } from '../../../shared/text/cell-string';
import type { ReplyTableView } from '../../../shared/domain/inbox';
import type { ServiceContext } from '../context';
import { readOriginal } from '../files/file-store';
import { readParts } from './read-parts';
import { loadImportLookups } from './import-lookups';
import { parseReplyInWorker } from './parse-reply-in-worker';
import { matchRows } from './match-rows';
import { getMessageRecord } from '../../../db/email/repo';

function display(raw: unknown): string | number | null {
  return typeof raw === 'number' || typeof raw === 'string'
    ? raw
    : raw === null || raw === undefined
      ? null
      : cellString(raw);
}

/**
 * The table of a received reply as the unit sent it, row by row, with the form row each was matched
 * to and how surely, against the round the message was assigned to (or the one chosen for review).
 */
export async function getReplyTable(
  ctx: ServiceContext,
  messageId: number,
  roundId?: number,
): Promise<ReplyTableView | null> {
  const m = await getMessageRecord(ctx.db, messageId);
  if (!m || m.source_file_id === null)
    throw new AppError('not-found', `Không có thư số ${messageId} trong hộp thư đến.`);
  const original = await readOriginal(ctx.db, m.source_file_id, readParts);
  const parsed = await parseReplyInWorker({ fileName: original.name, bytes: original.bytes });
  if (!parsed.ok) throw new AppError('unsupported-file', parsed.error);
  const data = parsed.found.data;
  if (!data) return null;
  const lookups = await loadImportLookups(ctx.db);
  const round = lookups.rounds.find((r) => r.id === (roundId ?? m.round_id)) ?? null;
  const form = round ? await lookups.formRows(ctx.db, round.formVersionId) : { rows: [], keys: [] };
  const formRows = form.rows.map((r) => ({ row: r.row, text: r.text, numbering: r.numbering, valueRow: r.valueRow }));
  if (data.kind === 'template') {
    const byKey = new Map(form.rows.map((r) => [r.rowKey, r.row]));
    return {
      kind: 'template',
      fileName: data.file.fileName,
      sheet: data.reading.sheet,
      formRows,
      rows: [
        ...data.reading.cells.map((c, index) => {
          const formRow = byKey.get(c.rowKey) ?? null;
          return {
            index,
            text: form.rows[(formRow ?? 0) - 1]?.text ?? c.rowKey,
            value: display(c.raw),
            cell: c.cell,
            formRow,
            quality: formRow ? ('exact' as const) : null,
          };
        }),
        ...data.reading.extraRows.map((e, i) => ({
          index: data.reading.cells.length + i,
          text: e.text,
          value: display(e.raw),
          cell: `dòng ${e.ref}`,
          formRow: null,
          quality: null,
        })),
      ],
    };
  }
  const matching = matchRows(
    form.rows,
    data.rows.map((r) => ({ text: r.text, hasValue: r.raw !== null })),
    form.keys,
  );
  const bySource = new Map(matching.matches.map((x) => [x.source, x]));
  return {
    kind: 'table',
    fileName: data.file.fileName,
    sheet: data.sheet,
    formRows,
    rows: data.rows.map((r, index) => {
      const x = bySource.get(index);
      return {
        index,
        text: r.text,
        value: display(r.raw),
        cell: r.cell,
        formRow: x?.formRow ?? null,
        quality: x?.quality ?? null,
      };
    }),
  };
}
