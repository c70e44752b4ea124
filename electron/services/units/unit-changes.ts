import type { Kysely, Transaction } from 'kysely';
import type { Database, OrgUnitRow } from '../../../db/schema';
import { changeParent, insertUnitEvent } from '../../../db/units/history-repo';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text/format-vi';
import { foldText } from '../../../shared/text/fold';
import { validOn, type UnitKind } from '../../../shared/domain/units';
import { addDays } from '../../../shared/clock';
import type { UnitChangeResult, UnitEvent } from '../../../shared/domain/unit-events';
export type { UnitChangeResult };
import type { YesNoRule } from '../../../shared/domain/boundaries';
import type { ServiceContext } from '../context';
import { takeBackup } from '../backup/backups';

type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

export interface MergeInput {
  /** The code of the unit the others become; a new unit when no unit with it continues past the day (codes were reused in 2025). */
  into: string;
  /** Name and kind of a new unit (by default those of the merged unit with the same code, else of the first). */
  name?: string;
  kind?: UnitKind;
  from: string[];
  date: string;
  basis: string;
  yesNoRule?: YesNoRule;
}

export interface SplitInput {
  from: string;
  /**
   * Each part and the share of the old unit's figures it takes (0-1); the shares add up to at most 1.
   * A part with a name that no unit has yet is a new unit from the day (of the kind given, else the
   * old unit's), under the old unit's parent.
   */
  into: { code: string; share: number; name?: string; kind?: UnitKind }[];
  date: string;
  basis: string;
}

export interface EndInput {
  code: string;
  date: string;
  basis: string;
}

const isValid = (u: OrgUnitRow, day: string) => validOn(day, u.valid_from, u.valid_to);

async function unitOn(trx: Trx, code: string, day: string): Promise<OrgUnitRow | undefined> {
  const rows = await trx.selectFrom('org_unit').selectAll().where('code', '=', code).execute();
  return rows.find((u) => isValid(u, day));
}

/** The units being changed, each valid on the day before the change. */
async function unitsBefore(trx: Trx, codes: string[], date: string): Promise<OrgUnitRow[]> {
  const before = addDays(date, -1);
  const out: OrgUnitRow[] = [];
  for (const code of codes) {
    const u = await unitOn(trx, code, before);
    if (!u)
      throw new AppError('invalid-input', `Không có đơn vị mã "${code}" còn hiệu lực ngày ${formatDate(before)}.`);
    out.push(u);
  }
  return out;
}

/** Ends a unit on a day (valid_to is the first day it no longer exists). */
async function closeUnit(trx: Trx, unit: OrgUnitRow, date: string, now: string): Promise<void> {
  if (unit.valid_from !== null && unit.valid_from >= date)
    throw new AppError(
      'invalid-input',
      `Đơn vị "${unit.name}" bắt đầu từ ${formatDate(unit.valid_from)}, không thể kết thúc ngày ${formatDate(date)}.`,
    );
  await trx.updateTable('org_unit').set({ valid_to: date, updated_at: now }).where('id', '=', unit.id).execute();
}

/** A closed unit's units still valid after the day move to `newParent` (their former parent is kept). */
async function moveChildren(
  trx: Trx,
  unit: OrgUnitRow,
  date: string,
  newParent: number | null,
  eventId: number,
  now: string,
): Promise<void> {
  const children = await trx.selectFrom('org_unit').selectAll().where('parent_id', '=', unit.id).execute();
  for (const c of children) if (isValid(c, date)) await changeParent(trx, c.id, newParent, date, eventId, now);
}

async function endUnit(
  trx: Trx,
  unit: OrgUnitRow,
  date: string,
  newParent: number | null,
  eventId: number,
  now: string,
): Promise<void> {
  await closeUnit(trx, unit, date, now);
  await moveChildren(trx, unit, date, newParent, eventId, now);
}

/**
 * A unit named as the result of a change that has no validity yet and no figures (a new commune
 * from the official list) begins on the day of the change.
 */
async function beginIfNew(trx: Trx, unit: OrgUnitRow, date: string, now: string): Promise<void> {
  if (unit.valid_from !== null) return;
  const reported = await trx
    .selectFrom('submission')
    .select('id')
    .where('unit_id', '=', unit.id)
    .where('status', '!=', 'expected')
    .executeTakeFirst();
  if (!reported)
    await trx.updateTable('org_unit').set({ valid_from: date, updated_at: now }).where('id', '=', unit.id).execute();
}

/** A change already recorded: the same kind, day, units before and units after (none for an ending). */
async function findRecorded(
  db: Db,
  kind: UnitEvent['kind'],
  date: string,
  fromCodes: string[],
  toCodes: string[],
): Promise<number | null> {
  const fromIds = (await unitsEndedOrBefore(db, fromCodes, date)).map((u) => u.id);
  const events = await db
    .selectFrom('org_unit_event')
    .select(['id', 'ended_unit_id'])
    .where('kind', '=', kind)
    .where('effective_date', '=', date)
    .execute();
  for (const e of events) {
    const links = await db
      .selectFrom('org_unit_succession as s')
      .innerJoin('org_unit as t', 't.id', 's.to_unit_id')
      .select(['s.from_unit_id', 't.code'])
      .where('s.event_id', '=', e.id)
      .execute();
    const from = new Set([...links.map((l) => l.from_unit_id), ...(e.ended_unit_id === null ? [] : [e.ended_unit_id])]);
    const to = new Set(links.map((l) => l.code));
    if (
      from.size === fromIds.length &&
      fromIds.every((id) => from.has(id)) &&
      to.size === new Set(toCodes).size &&
      toCodes.every((c) => to.has(c))
    )
      return e.id;
  }
  return null;
}

async function backupBefore(ctx: ServiceContext): Promise<string> {
  return (await takeBackup(ctx, 'truoc-gop')).backup.name;
}

/**
 * Records a merge: the units `from` end on `date` and continue as `into`, whole (their figures
 * follow it in later boundaries); their units still valid move under it. A backup is taken first;
 * all of it is one transaction, and recording the same merge again changes nothing.
 */
export async function recordMerge(ctx: ServiceContext, input: MergeInput): Promise<UnitChangeResult> {
  const codes = [...new Set(input.from.map((c) => c.trim()).filter(Boolean))];
  if (codes.length < 2 && !codes.some((c) => c !== input.into))
    throw new AppError('invalid-input', 'Cần ít nhất một đơn vị khác để gộp vào.');
  const existing = await findRecorded(ctx.db, 'merge', input.date, codes, [input.into]);
  if (existing !== null) return { event: await getUnitEvent(ctx, existing), alreadyRecorded: true, backup: null };
  const backup = await backupBefore(ctx);
  const now = ctx.clock().toISOString();
  const eventId = await ctx.db.transaction().execute(async (trx) => {
    const from = await unitsBefore(trx, codes, input.date);
    const eventId = await insertUnitEvent(trx, {
      kind: 'merge',
      date: input.date,
      basis: input.basis,
      now,
      ...(input.yesNoRule ? { yesNoRule: input.yesNoRule } : {}),
    });
    // The merged units end first: a new unit may take one of their codes (codes were reused in 2025).
    for (const u of from) await closeUnit(trx, u, input.date, now);
    let into = await unitOn(trx, input.into, input.date);
    if (into) await beginIfNew(trx, into, input.date, now);
    else {
      const model = from.find((u) => u.code === input.into) ?? from[0]!;
      const kinds = new Set(from.map((u) => u.kind));
      const kind = input.kind ?? (kinds.size === 1 ? model.kind : null);
      if (!kind)
        throw new AppError(
          'invalid-input',
          `Các đơn vị gộp khác cấp nhau; hãy nói rõ cấp của đơn vị mới "${input.into}".`,
        );
      // The new unit sits where the merged ones sat, when they shared a parent that goes on.
      const parents = new Set(from.map((u) => u.parent_id));
      const parentId = parents.size === 1 ? [...parents][0]! : null;
      const parent =
        parentId === null
          ? undefined
          : await trx.selectFrom('org_unit').selectAll().where('id', '=', parentId).executeTakeFirst();
      const name = input.name?.trim() || model.name;
      const created = await trx
        .insertInto('org_unit')
        .values({
          code: input.into,
          name,
          name_key: foldText(name),
          kind,
          parent_id: parent && isValid(parent, input.date) ? parent.id : null,
          valid_from: input.date,
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      into = await trx.selectFrom('org_unit').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    }
    for (const u of from) {
      await moveChildren(trx, u, input.date, into.id, eventId, now);
      await trx
        .insertInto('org_unit_succession')
        .values({ event_id: eventId, from_unit_id: u.id, to_unit_id: into.id, share: 1 })
        .execute();
    }
    return eventId;
  });
  return { event: await getUnitEvent(ctx, eventId), alreadyRecorded: false, backup };
}

/** For the "already recorded?" check: units with the codes that ended on the day, else those valid before it. */
async function unitsEndedOrBefore(db: Db, codes: string[], date: string): Promise<OrgUnitRow[]> {
  const out: OrgUnitRow[] = [];
  for (const code of codes) {
    const rows = await db.selectFrom('org_unit').selectAll().where('code', '=', code).execute();
    const u = rows.find((r) => r.valid_to === date) ?? rows.find((r) => isValid(r, addDays(date, -1)));
    if (u) out.push(u);
  }
  return out;
}

/**
 * Records a split: `from` ends on `date`, its figures divided among the parts by share (yes/no
 * figures copied to each). The parts must exist (from the official list or the unit list); a part
 * with no validity yet begins on the day. Its units still valid move to its own parent.
 */
export async function recordSplit(ctx: ServiceContext, input: SplitInput): Promise<UnitChangeResult> {
  const total = input.into.reduce((a, p) => a + p.share, 0);
  for (const p of input.into) {
    if (!(p.share > 0 && p.share <= 1))
      throw new AppError('invalid-input', `Tỷ lệ của "${p.code}" phải lớn hơn 0 và không quá 1 (ví dụ 0,6 là 60%).`);
  }
  if (total > 1 + 1e-9)
    throw new AppError('invalid-input', `Tổng tỷ lệ chia là ${Math.round(total * 1000) / 10}%, vượt quá 100%.`);
  const existing = await findRecorded(
    ctx.db,
    'split',
    input.date,
    [input.from],
    input.into.map((p) => p.code),
  );
  if (existing !== null) return { event: await getUnitEvent(ctx, existing), alreadyRecorded: true, backup: null };
  const backup = await backupBefore(ctx);
  const now = ctx.clock().toISOString();
  const eventId = await ctx.db.transaction().execute(async (trx) => {
    const [from] = await unitsBefore(trx, [input.from], input.date);
    const eventId = await insertUnitEvent(trx, { kind: 'split', date: input.date, basis: input.basis, now });
    const parts: OrgUnitRow[] = [];
    for (const p of input.into) {
      const rows = await trx
        .selectFrom('org_unit')
        .selectAll()
        .where('code', '=', p.code)
        .where('id', '!=', from!.id)
        .execute();
      let part =
        rows.find((u) => isValid(u, input.date)) ?? rows.find((u) => u.valid_from === null && u.valid_to === null);
      if (!part && p.name?.trim()) {
        const name = p.name.trim();
        const created = await trx
          .insertInto('org_unit')
          .values({
            code: p.code,
            name,
            name_key: foldText(name),
            kind: p.kind ?? from!.kind,
            parent_id: from!.parent_id,
            valid_from: input.date,
            valid_to: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        part = await trx.selectFrom('org_unit').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      }
      if (!part)
        throw new AppError(
          'invalid-input',
          `Chưa có đơn vị mã "${p.code}" có hiệu lực từ ${formatDate(input.date)}; hãy thêm đơn vị này (danh sách đơn vị hoặc danh mục hành chính), hoặc ghi tên để tạo đơn vị mới, trước khi ghi nhận việc chia.`,
        );
      await beginIfNew(trx, part, input.date, now);
      parts.push(part);
    }
    await endUnit(trx, from!, input.date, from!.parent_id, eventId, now);
    for (const [i, p] of input.into.entries()) {
      await trx
        .insertInto('org_unit_succession')
        .values({ event_id: eventId, from_unit_id: from!.id, to_unit_id: parts[i]!.id, share: p.share })
        .execute();
    }
    return eventId;
  });
  return { event: await getUnitEvent(ctx, eventId), alreadyRecorded: false, backup };
}

/**
 * Records that a unit ceased with no successor (the districts in 2025): its figures go up to its
 * parent in later boundaries, and its units still valid move up to that parent.
 */
export async function recordEnd(ctx: ServiceContext, input: EndInput): Promise<UnitChangeResult> {
  const existing = await findRecorded(ctx.db, 'dissolve', input.date, [input.code], []);
  if (existing !== null) return { event: await getUnitEvent(ctx, existing), alreadyRecorded: true, backup: null };
  const backup = await backupBefore(ctx);
  const now = ctx.clock().toISOString();
  const eventId = await ctx.db.transaction().execute(async (trx) => {
    const [unit] = await unitsBefore(trx, [input.code], input.date);
    const eventId = await insertUnitEvent(trx, {
      kind: 'dissolve',
      date: input.date,
      basis: input.basis,
      now,
      endedUnitId: unit!.id,
    });
    await endUnit(trx, unit!, input.date, unit!.parent_id, eventId, now);
    return eventId;
  });
  return { event: await getUnitEvent(ctx, eventId), alreadyRecorded: false, backup };
}

/** Every recorded change, newest first, with the units before and after. */
export async function listUnitEvents(ctx: Pick<ServiceContext, 'db'>): Promise<UnitEvent[]> {
  const events = await ctx.db
    .selectFrom('org_unit_event')
    .selectAll()
    .orderBy('effective_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const links = await ctx.db
    .selectFrom('org_unit_succession as s')
    .innerJoin('org_unit as f', 'f.id', 's.from_unit_id')
    .innerJoin('org_unit as t', 't.id', 's.to_unit_id')
    .select([
      's.event_id',
      's.share',
      'f.code as from_code',
      'f.name as from_name',
      't.code as to_code',
      't.name as to_name',
    ])
    .execute();
  const unitNames = new Map(
    (await ctx.db.selectFrom('org_unit').select(['id', 'code', 'name']).execute()).map((u) => [u.id, u]),
  );
  // The units a "reparent" event moved (a unit list that gave them another parent).
  const moved = await ctx.db
    .selectFrom('org_unit_former_parent as p')
    .innerJoin('org_unit_event as e', 'e.id', 'p.event_id')
    .select(['p.event_id', 'p.unit_id'])
    .where('e.kind', '=', 'reparent')
    .execute();
  return events.map((e) => {
    const own = links.filter((l) => l.event_id === e.id);
    const ended = e.ended_unit_id !== null ? unitNames.get(e.ended_unit_id) : undefined;
    const movedUnits = moved
      .filter((m) => m.event_id === e.id)
      .map((m) => unitNames.get(m.unit_id)!)
      .map((u) => ({ code: u.code, name: u.name }));
    const from =
      own.length > 0
        ? dedupe(own.map((l) => ({ code: l.from_code, name: l.from_name })))
        : ended
          ? [{ code: ended.code, name: ended.name }]
          : movedUnits;
    return {
      id: e.id,
      kind: e.kind,
      date: e.effective_date,
      basis: e.basis,
      yesNoRule: e.yes_no_rule,
      from,
      to: dedupe(own.map((l) => ({ code: l.to_code, name: l.to_name, share: l.share }))),
    };
  });
}

function dedupe<T extends { code: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.code) ? false : (seen.add(x.code), true)));
}

export async function getUnitEvent(ctx: Pick<ServiceContext, 'db'>, id: number): Promise<UnitEvent> {
  const event = (await listUnitEvents(ctx)).find((e) => e.id === id);
  if (!event) throw new AppError('not-found', `Không có thay đổi đơn vị số ${id}.`);
  return event;
}
