import type { Db, OrgUnitRow } from '../../../db/schema';
import {
  changeParent,
  insertSuccession,
  insertUnitEvent,
  listEventIdsOn,
  listEventRows,
  listEventSuccessors,
  listReparentedUnits,
  listSuccessionLinks,
} from '../../../db/units/history-repo';
import {
  getUnitRow,
  insertUnit,
  listChildUnits,
  listUnitNames,
  listUnitsWithCode,
  unitHasReported,
  updateUnit,
} from '../../../db/units/repo';
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
import { shareProblem, sharesTotalProblem } from '../../../shared/domain/unit-events';

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

async function unitOn(trx: Db, code: string, day: string): Promise<OrgUnitRow | undefined> {
  return (await listUnitsWithCode(trx, code)).find((u) => isValid(u, day));
}

/** The units being changed, each valid on the day before the change. */
async function unitsBefore(trx: Db, codes: string[], date: string): Promise<OrgUnitRow[]> {
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
async function closeUnit(trx: Db, unit: OrgUnitRow, date: string, now: string): Promise<void> {
  if (unit.valid_from !== null && unit.valid_from >= date)
    throw new AppError(
      'invalid-input',
      `Đơn vị "${unit.name}" bắt đầu từ ${formatDate(unit.valid_from)}, không thể kết thúc ngày ${formatDate(date)}.`,
    );
  await updateUnit(trx, unit.id, { valid_to: date, updated_at: now });
}

/** A closed unit's units still valid after the day move to `newParent` (their former parent is kept). */
async function moveChildren(
  trx: Db,
  unit: OrgUnitRow,
  date: string,
  newParent: number | null,
  eventId: number,
  now: string,
): Promise<void> {
  for (const c of await listChildUnits(trx, unit.id))
    if (isValid(c, date)) await changeParent(trx, c.id, newParent, date, eventId, now);
}

async function endUnit(
  trx: Db,
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
async function beginIfNew(trx: Db, unit: OrgUnitRow, date: string, now: string): Promise<void> {
  if (unit.valid_from !== null) return;
  if (!(await unitHasReported(trx, unit.id))) await updateUnit(trx, unit.id, { valid_from: date, updated_at: now });
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
  for (const e of await listEventIdsOn(db, kind, date)) {
    const links = await listEventSuccessors(db, e.id);
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
      const parent = parentId === null ? undefined : await getUnitRow(trx, parentId);
      const name = input.name?.trim() || model.name;
      const createdId = await insertUnit(trx, {
        code: input.into,
        name,
        name_key: foldText(name),
        kind,
        parent_id: parent && isValid(parent, input.date) ? parent.id : null,
        valid_from: input.date,
        valid_to: null,
        created_at: now,
        updated_at: now,
      });
      into = (await getUnitRow(trx, createdId))!;
    }
    for (const u of from) {
      await moveChildren(trx, u, input.date, into.id, eventId, now);
      await insertSuccession(trx, { eventId, fromUnitId: u.id, toUnitId: into.id, share: 1 });
    }
    return eventId;
  });
  return { event: await getUnitEvent(ctx, eventId), alreadyRecorded: false, backup };
}

/** For the "already recorded?" check: units with the codes that ended on the day, else those valid before it. */
async function unitsEndedOrBefore(db: Db, codes: string[], date: string): Promise<OrgUnitRow[]> {
  const out: OrgUnitRow[] = [];
  for (const code of codes) {
    const rows = await listUnitsWithCode(db, code);
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
  for (const p of input.into) {
    const problem = shareProblem(p.code, p.share);
    if (problem) throw new AppError('invalid-input', problem);
  }
  const totalProblem = sharesTotalProblem(input.into.reduce((a, p) => a + p.share, 0));
  if (totalProblem) throw new AppError('invalid-input', totalProblem);
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
      const rows = await listUnitsWithCode(trx, p.code, from!.id);
      let part =
        rows.find((u) => isValid(u, input.date)) ?? rows.find((u) => u.valid_from === null && u.valid_to === null);
      if (!part && p.name?.trim()) {
        const name = p.name.trim();
        const createdId = await insertUnit(trx, {
          code: p.code,
          name,
          name_key: foldText(name),
          kind: p.kind ?? from!.kind,
          parent_id: from!.parent_id,
          valid_from: input.date,
          valid_to: null,
          created_at: now,
          updated_at: now,
        });
        part = await getUnitRow(trx, createdId);
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
      await insertSuccession(trx, { eventId, fromUnitId: from!.id, toUnitId: parts[i]!.id, share: p.share });
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
  const events = await listEventRows(ctx.db);
  const links = await listSuccessionLinks(ctx.db);
  const unitNames = await listUnitNames(ctx.db);
  const moved = await listReparentedUnits(ctx.db);
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
