import type { Db } from '../schema';
import type { OutgoingKind, SentMail } from '../../shared/domain/mail';

/** A message of the outbox as stored: what the log lists, and the body and the run that sent it. */
export interface OutgoingRow extends SentMail {
  body: string;
  runId: string;
}

function outgoingQuery(db: Db) {
  return db
    .selectFrom('outgoing_mail as o')
    .leftJoin('org_unit as u', 'u.id', 'o.unit_id')
    .select([
      'o.id',
      'o.kind',
      'o.round_id',
      'o.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'o.message_id',
      'o.to_addresses',
      'o.subject',
      'o.body',
      'o.attachment_name',
      'o.status',
      'o.error',
      'o.run_id',
      'o.created_at',
      'o.sent_at',
    ]);
}

type Selected = Awaited<ReturnType<ReturnType<typeof outgoingQuery>['execute']>>[number];

function toRow(r: Selected): OutgoingRow {
  return {
    id: r.id,
    kind: r.kind,
    roundId: r.round_id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    messageId: r.message_id,
    to: JSON.parse(r.to_addresses) as string[],
    subject: r.subject,
    body: r.body,
    attachment: r.attachment_name,
    status: r.status,
    error: r.error,
    runId: r.run_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Records a message before it is handed to the server. */
export async function insertOutgoing(
  db: Db,
  m: {
    kind: OutgoingKind;
    roundId: number | null;
    unitId: number | null;
    messageId: string;
    to: string[];
    subject: string;
    body: string;
    attachment: string | null;
    runId: string;
    createdAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('outgoing_mail')
    .values({
      kind: m.kind,
      round_id: m.roundId,
      unit_id: m.unitId,
      message_id: m.messageId,
      to_addresses: JSON.stringify(m.to),
      subject: m.subject,
      body: m.body,
      attachment_name: m.attachment,
      status: 'sending',
      run_id: m.runId,
      created_at: m.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What came of a message handed to the server. */
export async function settleOutgoing(
  db: Db,
  id: number,
  outcome: { status: 'sent'; sentAt: string } | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('outgoing_mail')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.sentAt, error: null }
        : { status: 'failed', error: outcome.error },
    )
    .where('id', '=', id)
    .execute();
}

/** Messages left 'sending' by another run of the app (it ended before the server answered): they may have gone. */
export async function markInterruptedSends(db: Db, currentRunId: string): Promise<number> {
  const r = await db
    .updateTable('outgoing_mail')
    .set({ status: 'maybe-sent', error: 'Phần mềm dừng khi đang gửi thư này: thư có thể đã đi hoặc chưa.' })
    .where('status', '=', 'sending')
    .where('run_id', '!=', currentRunId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A round's outbox (or every message, for null), newest first. */
export async function listOutgoing(db: Db, roundId: number | null): Promise<OutgoingRow[]> {
  let q = outgoingQuery(db);
  if (roundId !== null) q = q.where('o.round_id', '=', roundId);
  return (await q.orderBy('o.id', 'desc').execute()).map(toRow);
}

/** The last message of a kind to each unit of a round. */
export async function lastOutgoingByUnit(
  db: Db,
  roundId: number,
  kind: OutgoingKind,
): Promise<Map<number, OutgoingRow>> {
  const rows = (
    await outgoingQuery(db)
      .where('o.round_id', '=', roundId)
      .where('o.kind', '=', kind)
      .where('o.unit_id', 'is not', null)
      .orderBy('o.id', 'asc')
      .execute()
  ).map(toRow);
  return new Map(rows.map((r) => [r.unitId!, r]));
}

/** The office's message a reply answers: the first of these Message-IDs the outbox sent to a unit. */
export async function findOutgoingByMessageIds(db: Db, messageIds: string[]): Promise<OutgoingRow | null> {
  if (messageIds.length === 0) return null;
  const rows = (
    await outgoingQuery(db)
      .where('o.message_id', 'in', messageIds)
      .where('o.unit_id', 'is not', null)
      .where('o.round_id', 'is not', null)
      .execute()
  ).map(toRow);
  for (const id of messageIds) {
    const hit = rows.find((r) => r.messageId === id);
    if (hit) return hit;
  }
  return null;
}

/** Every address of every unit, lower-cased: the only addresses the office's mail may go to (with its own). */
export async function listAllUnitAddresses(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('org_unit_email').select('email').execute();
  return new Set(rows.map((r) => r.email.toLowerCase()));
}
