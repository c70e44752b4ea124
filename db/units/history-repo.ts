import type { Db } from '../schema';
import {
  Boundary,
  type ParentSpan,
  type Succession,
  type UnitSpan,
  type YesNoRule,
} from '../../shared/domain/boundaries';
import type { UnitEvent } from '../../shared/domain/unit-events';

type UnitEventKind = UnitEvent['kind'];

export async function loadUnitSpans(db: Db): Promise<UnitSpan[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function loadFormerParents(db: Db): Promise<ParentSpan[]> {
  const rows = await db
    .selectFrom('org_unit_former_parent')
    .select(['unit_id', 'parent_id', 'valid_from', 'valid_to'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to }));
}

export async function loadSuccessions(db: Db): Promise<Succession[]> {
  const rows = await db
    .selectFrom('org_unit_succession as s')
    .innerJoin('org_unit_event as e', 'e.id', 's.event_id')
    .select(['e.kind', 'e.effective_date', 'e.yes_no_rule', 's.from_unit_id', 's.to_unit_id', 's.share'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    date: r.effective_date,
    fromUnitId: r.from_unit_id,
    toUnitId: r.to_unit_id,
    share: r.share,
    yesNoRule: r.yes_no_rule,
  }));
}

/** The boundaries of a day over the stored units, their former parents and successions. */
export async function loadBoundary(db: Db, day: string): Promise<Boundary> {
  return new Boundary(day, await loadUnitSpans(db), await loadFormerParents(db), await loadSuccessions(db));
}

export interface NewUnitEvent {
  kind: UnitEventKind;
  date: string;
  basis: string;
  now: string;
  yesNoRule?: YesNoRule;
  /** For an ending: the unit that ended. */
  endedUnitId?: number;
  /** The original file the change came from. */
  sourceFileId?: number;
}

/** Records a change of units (its successions and moved parents are written by the caller). */
export async function insertUnitEvent(db: Db, e: NewUnitEvent): Promise<number> {
  const row = await db
    .insertInto('org_unit_event')
    .values({
      kind: e.kind,
      effective_date: e.date,
      basis: e.basis,
      note: null,
      created_at: e.now,
      yes_no_rule: e.yesNoRule ?? 'all',
      ended_unit_id: e.endedUnitId ?? null,
      source_file_id: e.sourceFileId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Gives a unit a new parent from a day, keeping the old one with the period it held. The period
 * starts where the previous recorded one ended (or when the unit began).
 */
export async function changeParent(
  db: Db,
  unitId: number,
  parentId: number | null,
  day: string,
  eventId: number,
  now: string,
): Promise<void> {
  const unit = await db
    .selectFrom('org_unit')
    .select(['parent_id', 'valid_from'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  if (unit.parent_id === parentId) return;
  const last = await db
    .selectFrom('org_unit_former_parent')
    .select('valid_to')
    .where('unit_id', '=', unitId)
    .orderBy('valid_to', 'desc')
    .executeTakeFirst();
  await db
    .insertInto('org_unit_former_parent')
    .values({
      unit_id: unitId,
      parent_id: unit.parent_id,
      valid_from: last?.valid_to ?? unit.valid_from,
      valid_to: day,
      event_id: eventId,
    })
    .execute();
  await db.updateTable('org_unit').set({ parent_id: parentId, updated_at: now }).where('id', '=', unitId).execute();
}

export async function listEventIdsOn(
  db: Db,
  kind: UnitEventKind,
  date: string,
): Promise<{ id: number; ended_unit_id: number | null }[]> {
  return db
    .selectFrom('org_unit_event')
    .select(['id', 'ended_unit_id'])
    .where('kind', '=', kind)
    .where('effective_date', '=', date)
    .execute();
}

/** The units an event's units became: from which unit, to which code. */
export async function listEventSuccessors(db: Db, eventId: number): Promise<{ from_unit_id: number; code: string }[]> {
  return db
    .selectFrom('org_unit_succession as s')
    .innerJoin('org_unit as t', 't.id', 's.to_unit_id')
    .select(['s.from_unit_id', 't.code'])
    .where('s.event_id', '=', eventId)
    .execute();
}

export async function insertSuccession(
  db: Db,
  link: { eventId: number; fromUnitId: number; toUnitId: number; share: number },
): Promise<void> {
  await db
    .insertInto('org_unit_succession')
    .values({ event_id: link.eventId, from_unit_id: link.fromUnitId, to_unit_id: link.toUnitId, share: link.share })
    .execute();
}

/** Every recorded change, newest first. */
export async function listEventRows(db: Db) {
  return db.selectFrom('org_unit_event').selectAll().orderBy('effective_date', 'desc').orderBy('id', 'desc').execute();
}

/** Every succession with the codes and names on both sides. */
export async function listSuccessionLinks(db: Db) {
  return db
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
}

/** The units a "reparent" event moved (a unit list that gave them another parent). */
export async function listReparentedUnits(db: Db): Promise<{ event_id: number | null; unit_id: number }[]> {
  return db
    .selectFrom('org_unit_former_parent as p')
    .innerJoin('org_unit_event as e', 'e.id', 'p.event_id')
    .select(['p.event_id', 'p.unit_id'])
    .where('e.kind', '=', 'reparent')
    .execute();
}
