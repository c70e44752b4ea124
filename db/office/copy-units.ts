/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import { foldText } from '../../shared/text/fold';
import { formatDate } from '../../shared/text/format-vi';
import { addDays } from '../../shared/clock';
import { changeParent } from '../units/history-repo';
import type { Copier, CopyInput, CopyOutcome, Link, Row } from './copy-tables';

/** Kinds of unit whose code is the official administrative code: the same code is the same unit in both databases. */
const ADMINISTRATIVE = new Set(['province', 'district', 'commune']);

const overlaps = (a: Row, b: Row) =>
  (a.valid_from ?? '0000') < (b.valid_to ?? '9999') && (b.valid_from ?? '0000') < (a.valid_to ?? '9999');

export interface CopiedUnits {
  /** This database's units before the copy. */
  localUnits: Row[];
  /** The other database's units. */
  srcUnits: Row[];
  /** The other office's units added here. */
  addedUnits: Row[];
}

/**
 * The other office's units: an administrative unit with the same code, kind and an overlapping validity is
 * the same unit (found, not copied); the others are added, a code still in use here renamed with the other
 * province's prefix, a name this office also has marked with the other province. Their addresses follow.
 */
export async function copyUnits(c: Copier): Promise<CopiedUnits> {
  const { db, map, input, out, all, copyTable, copyLinkRows } = c;
  const localUnits = (await db.selectFrom('org_unit').selectAll().execute()) as Row[];
  const srcUnits = all('org_unit');
  const root =
    srcUnits.find((u) => u.kind === 'province' && u.parent_id === null && u.valid_to === null) ??
    srcUnits.find((u) => u.kind === 'province' && u.parent_id === null);
  // This office's own units (not those an earlier import of this database added), by code; each is found for one foreign unit at most.
  const fromThisSource = map.added('org_unit');
  const taken = new Set(srcUnits.map((u) => map.get('org_unit', u.id)).filter((id): id is number => id !== undefined));
  const ownByCode = new Map<string, Row[]>();
  for (const u of localUnits)
    if (!fromThisSource.has(u.id)) ownByCode.set(u.code, [...(ownByCode.get(u.code) ?? []), u]);
  const ownNames = new Set(localUnits.filter((u) => !fromThisSource.has(u.id)).map((u) => `${u.kind}|${u.name_key}`));
  const currentCodes = new Set(localUnits.filter((u) => u.valid_to === null).map((u) => u.code as string));
  const addedUnits = await copyTable(
    'org_unit',
    {},
    {
      selfRefs: ['parent_id'],
      find(u) {
        if (!ADMINISTRATIVE.has(u.kind)) return undefined;
        const same = (ownByCode.get(u.code) ?? []).find((l) => l.kind === u.kind && !taken.has(l.id) && overlaps(l, u));
        if (same) taken.add(same.id);
        return same?.id;
      },
      shape(u, values) {
        if (u.valid_to === null) {
          if (currentCodes.has(u.code)) {
            const prefix = root?.code ?? `VP${input.sourceId}`;
            let code = `${prefix}-${u.code}`;
            for (let i = 2; currentCodes.has(code); i++) code = `${prefix}-${u.code}-${i}`;
            values.code = code;
            out.renamedUnits.push({ code: u.code, newCode: code, name: u.name });
          }
          currentCodes.add(values.code as string);
        }
        if (ownNames.has(`${u.kind}|${u.name_key}`)) {
          values.name = `${u.name} (${input.label})`;
          values.name_key = foldText(values.name as string);
        }
      },
    },
  );
  out.counts.unitsAdded = addedUnits.length;
  out.counts.unitsMatched = srcUnits.filter((u) => map.wasFound('org_unit', u.id)).length;
  await copyLinkRows('org_unit_email', { unit_id: 'org_unit' });

  return { localUnits, srcUnits, addedUnits };
}

/**
 * Unit changes: one both offices recorded alike is found; one among the other province's own units is added;
 * one touching a unit this office keeps itself is left to this office (its own record of that unit stands).
 * Then the other province's units still standing under a unit ended here follow that change.
 */
export async function copyUnitEvents(c: Copier, units: CopiedUnits): Promise<void> {
  const { db, src, map, input, out, all, ref, insert, insertLink, copyLinks } = c;
  const { localUnits, addedUnits } = units;
  const successions = src.prepare('SELECT * FROM org_unit_succession').all() as Link[];
  const localSuccessions = (await db.selectFrom('org_unit_succession').selectAll().execute()) as Link[];
  const eventKey = (links: Link[], ended: number | null) =>
    [...links.map((l) => `${l.from_unit_id}>${l.to_unit_id}:${l.share}`).sort(), `end:${ended ?? ''}`].join('|');
  for (const e of all('org_unit_event')) {
    if (map.get('org_unit_event', e.id) !== undefined) continue;
    const links = successions
      .filter((s) => s.event_id === e.id)
      .map((s) => ({ ...s, from_unit_id: ref('org_unit', s.from_unit_id), to_unit_id: ref('org_unit', s.to_unit_id) }));
    const ended = ref('org_unit', e.ended_unit_id);
    const key = eventKey(links, ended);
    const sameDay = (await db
      .selectFrom('org_unit_event')
      .selectAll()
      .where('kind', '=', e.kind)
      .where('effective_date', '=', e.effective_date)
      .execute()) as Row[];
    const same = sameDay.find(
      (l) =>
        eventKey(
          localSuccessions.filter((s) => s.event_id === l.id),
          l.ended_unit_id,
        ) === key,
    );
    if (same) {
      await map.set('org_unit_event', e.id, same.id, 'found');
      continue;
    }
    const unitIds = [...links.flatMap((l) => [l.from_unit_id, l.to_unit_id]), ...(ended === null ? [] : [ended])];
    const foreignIds = [
      ...successions.filter((s) => s.event_id === e.id).flatMap((s) => [s.from_unit_id, s.to_unit_id]),
      ...(e.ended_unit_id === null ? [] : [e.ended_unit_id]),
    ];
    if (foreignIds.some((id) => map.wasFound('org_unit', id))) {
      const names = unitIds.map((id) => localUnits.find((u) => u.id === id)?.name ?? '').filter(Boolean);
      out.notes.push(
        `Thay đổi đơn vị ngày ${formatDate(e.effective_date)} (${[...new Set(names)].join(', ')}) do văn phòng kia ghi không được chép vì các đơn vị này đã có ở đây; nếu cần, hãy ghi nhận thay đổi này ở màn hình Đơn vị.`,
      );
      continue;
    }
    const { id: _id, ...values } = e;
    const local = await insert('org_unit_event', {
      ...values,
      ended_unit_id: ended,
      source_file_id: ref('stored_file', e.source_file_id),
    });
    for (const l of links) await insertLink('org_unit_succession', { ...l, event_id: local });
    await map.set('org_unit_event', e.id, local, 'added');
    out.counts.unitEvents++;
  }
  // Former parents of the other province's own units (a unit found here keeps this office's history).
  await copyLinks(
    'org_unit_former_parent',
    { unit_id: 'org_unit', parent_id: 'org_unit', event_id: 'org_unit_event' },
    (r) => !map.wasFound('org_unit', r.unit_id),
    ['event_id'],
  );
  await followEndedParents(
    input,
    addedUnits.map((u) => map.get('org_unit', u.id)!),
    out,
  );
}

/**
 * A unit of the other province still standing under a unit this office has ended (the merger was
 * recorded here before the other database came in) moves where that change moved the units standing
 * then: into the unit a merge made, or up to the parent of a unit split or ended; its former parent
 * is kept for the days before. One whose parent ended with no change recorded is pointed out.
 */
async function followEndedParents(input: CopyInput, unitIds: number[], out: CopyOutcome): Promise<void> {
  const { trx } = input;
  const moved: string[] = [];
  for (const id of unitIds) {
    const unit = await trx.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (unit.parent_id === null) continue;
    const parent = await trx
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', unit.parent_id)
      .executeTakeFirstOrThrow();
    const end = parent.valid_to;
    if (
      end === null ||
      (unit.valid_to !== null && unit.valid_to <= end) ||
      (unit.valid_from !== null && unit.valid_from >= end)
    )
      continue;
    let change: { eventId: number; parentId: number | null } | null = null;
    for (const e of await trx
      .selectFrom('org_unit_event')
      .select(['id', 'kind', 'ended_unit_id'])
      .where('effective_date', '=', end)
      .execute()) {
      const links = await trx
        .selectFrom('org_unit_succession')
        .select('to_unit_id')
        .where('event_id', '=', e.id)
        .where('from_unit_id', '=', parent.id)
        .execute();
      if (e.kind === 'merge' && links.length === 1) change = { eventId: e.id, parentId: links[0]!.to_unit_id };
      else if ((e.kind === 'split' && links.length > 0) || (e.kind === 'dissolve' && e.ended_unit_id === parent.id))
        change = { eventId: e.id, parentId: parent.parent_id };
      if (change) break;
    }
    if (!change) {
      out.notes.push(
        `${unit.name} (mã ${unit.code}) vẫn còn hiệu lực nhưng thuộc ${parent.name}, đơn vị đã kết thúc ngày ${formatDate(addDays(end, -1))} mà không ghi nhận thay đổi nào; hãy ghi nhận sáp nhập, chia tách hoặc kết thúc cho đơn vị này.`,
      );
      continue;
    }
    await changeParent(trx, id, change.parentId, end, change.eventId, input.now);
    moved.push(`${unit.code} ${unit.name}`);
  }
  if (moved.length > 0)
    out.notes.push(
      `${moved.length} đơn vị chuyển theo thay đổi đã ghi nhận ở đây cho đơn vị cấp trên của chúng (như các đơn vị còn hoạt động khác): ${moved.slice(0, 10).join(', ')}${moved.length > 10 ? ', …' : ''}.`,
    );
}
