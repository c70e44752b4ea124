/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/restrict-template-expressions -- one copier for every table: rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import type { ForeignRecords } from './foreign-records';
import { emptyCounts, type OfficeImportResult } from '../../shared/domain/office-import';
import type { RuleSide } from '../../shared/domain/validation-rules';
import { foldText } from '../../shared/text/fold';
import { formatDate } from '../../shared/text/format-vi';
import { addDays } from '../../shared/clock';
import { changeParent } from '../units/history-repo';

type Row = Record<string, any> & { id: number };
type Link = Record<string, any>;

export interface CopyInput {
  trx: Transaction<Database>;
  /** The other office's database (a private, upgraded copy). */
  src: BetterSqlite3.Database;
  map: ForeignRecords;
  sourceId: number;
  /** The other office's province ("Tỉnh Kon Tum"), put after its forms' and rounds' names. */
  label: string;
  now: string;
}

/** What the copy did; the rest of the result is the caller's. */
export type CopyOutcome = Pick<
  OfficeImportResult,
  'counts' | 'renamedUnits' | 'linkedIndicators' | 'unlinkedIndicators' | 'conflicts' | 'notes'
>;

/** Kinds of unit whose code is the official administrative code: the same code is the same unit in both databases. */
const ADMINISTRATIVE = new Set(['province', 'district', 'commune']);

const overlaps = (a: Row, b: Row) =>
  (a.valid_from ?? '0000') < (b.valid_to ?? '9999') && (b.valid_from ?? '0000') < (a.valid_to ?? '9999');

/**
 * Copies another office's records into this database, table by table, parents before children:
 * each foreign id is looked up (or recorded) in `map`, so a row brought in before is skipped, and the
 * rows that reference it point at what it became here. Rows that already exist here are found, not
 * copied: administrative units by code, kind and an overlapping validity; files by checksum; e-mails
 * by Message-ID; registers by code; unit changes both offices recorded alike. Everything else the other
 * office made (its departments, forms, rounds, figures and their history, plans) is added.
 */
export async function copyOfficeRecords(input: CopyInput): Promise<CopyOutcome> {
  const { trx, src, map } = input;
  const db = trx as unknown as Kysely<any>;
  const out: CopyOutcome = {
    counts: emptyCounts(),
    renamedUnits: [],
    linkedIndicators: 0,
    unlinkedIndicators: [],
    conflicts: [],
    notes: [],
  };
  const all = (table: string): Row[] => src.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];

  /** A foreign reference as a local one; `null` stays `null`. */
  const ref = (table: string, id: number | null): number | null => {
    if (id === null || id === undefined) return null;
    const local = map.get(table, id);
    if (local === undefined) throw new Error(`${table} ${id} chưa được chép`);
    return local;
  };
  const refOrNull = (table: string, id: number | null): number | null =>
    id === null ? null : (map.get(table, id) ?? null);

  const insert = async (table: string, values: Record<string, unknown>): Promise<number> =>
    (await db.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()).id as number;
  const insertLink = async (table: string, values: Link): Promise<number> =>
    Number((await db.insertInto(table).values(values).orIgnore().executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n);

  /**
   * Adds a table's rows not yet brought in, each with its references made local (`refs`: column →
   * table); `selfRefs` point into the same table and are set once all its rows exist.
   */
  async function copyTable(
    table: string,
    refs: Record<string, string>,
    options: {
      selfRefs?: string[];
      find?: (row: Row) => Promise<number | undefined> | number | undefined;
      shape?: (row: Row, values: Record<string, unknown>) => Promise<void> | void;
    } = {},
  ): Promise<Row[]> {
    const added: Row[] = [];
    const selfRefs = options.selfRefs ?? [];
    for (const row of all(table)) {
      if (map.get(table, row.id) !== undefined) continue;
      const existing = await options.find?.(row);
      if (existing !== undefined) {
        await map.set(table, row.id, existing, 'found');
        continue;
      }
      const { id: _id, ...values } = row;
      for (const [column, target] of Object.entries(refs)) values[column] = ref(target, row[column]);
      for (const column of selfRefs) values[column] = null;
      await options.shape?.(row, values);
      await map.set(table, row.id, await insert(table, values), 'added');
      added.push(row);
    }
    for (const row of added) {
      const set: Record<string, number | null> = {};
      for (const column of selfRefs) if (row[column] !== null) set[column] = ref(table, row[column]);
      if (Object.keys(set).length > 0)
        await db.updateTable(table).set(set).where('id', '=', map.get(table, row.id)!).execute();
    }
    return added;
  }

  /** Adds the rows of a link table whose references are all here; a link already here is left. */
  async function copyLinks(
    table: string,
    refs: Record<string, string>,
    keep: (row: Link) => boolean = () => true,
    optional: string[] = [],
  ): Promise<number> {
    let n = 0;
    for (const row of src.prepare(`SELECT * FROM ${table}`).all() as Link[]) {
      if (!keep(row)) continue;
      const values = { ...row };
      let complete = true;
      for (const [column, target] of Object.entries(refs)) {
        const local = refOrNull(target, row[column]);
        if (local === null && row[column] !== null && !optional.includes(column)) complete = false;
        values[column] = local;
      }
      if (complete) n += await insertLink(table, values);
    }
    return n;
  }

  // ---- units ----
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
  await copyLinks('org_unit_email', { unit_id: 'org_unit' });

  // ---- original files: the same bytes are the same file ----
  const localFiles = new Map(
    ((await db.selectFrom('stored_file').select(['id', 'sha256']).execute()) as Row[]).map((f) => [
      f.sha256 as string,
      f.id,
    ]),
  );
  const content = src.prepare('SELECT content FROM stored_file_content WHERE file_id = ?');
  const addedFiles = await copyTable(
    'stored_file',
    {},
    {
      find: (f) => localFiles.get(f.sha256),
    },
  );
  for (const f of addedFiles) {
    const c = content.get(f.id) as { content: Buffer } | undefined;
    if (c) await insertLink('stored_file_content', { file_id: map.get('stored_file', f.id), content: c.content });
  }
  const addedFileIds = new Set(addedFiles.map((f) => f.id));
  await copyLinks('stored_file_part', { file_id: 'stored_file', container_id: 'stored_file' }, (p) =>
    addedFileIds.has(p.file_id),
  );
  out.counts.files = addedFiles.length;

  // Unit changes: one both offices recorded alike is found; one among the other province's own units is added;
  // one touching a unit this office keeps itself is left to this office (its own record of that unit stands).
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

  // ---- indicators and forms ----
  const localCodes = new Set(
    ((await db.selectFrom('indicator').select('code').execute()) as { code: string }[]).map((i) => i.code),
  );
  const addedIndicators = await copyTable(
    'indicator',
    {},
    {
      selfRefs: ['parent_id', 'same_as_id'],
      shape(i, values) {
        let code = i.code as string;
        for (let n = 1; localCodes.has(code); n++) code = `VP${input.sourceId}${n > 1 ? `-${n}` : ''}.${i.code}`;
        localCodes.add(code);
        values.code = code;
      },
    },
  );
  await linkIndicators(db, map, addedIndicators, out);
  out.counts.forms = (
    await copyTable(
      'form',
      {},
      {
        shape(_f, values) {
          values.name = `${values.name} (${input.label})`;
        },
      },
    )
  ).length;
  await copyTable('form_version', { form_id: 'form', source_file_id: 'stored_file' });
  await copyTable(
    'form_row',
    { form_version_id: 'form_version', indicator_id: 'indicator' },
    { selfRefs: ['parent_row_id'] },
  );
  const localSide = (side: string) => {
    const parsed = JSON.parse(side) as RuleSide;
    return JSON.stringify({
      ...parsed,
      terms: parsed.terms.map((t) => ({ ...t, indicatorId: ref('indicator', t.indicatorId) })),
    });
  };
  await copyTable(
    'validation_rule',
    { form_id: 'form' },
    {
      shape(r, values) {
        values.left_side = localSide(r.left_side);
        values.right_side = localSide(r.right_side);
      },
    },
  );

  // ---- registers: the same code is the same register; a figure both hold differently keeps this office's ----
  const registers = new Map(
    ((await db.selectFrom('register').select(['id', 'code']).execute()) as Row[]).map((r) => [r.code as string, r.id]),
  );
  await copyTable('register', {}, { find: (r) => registers.get(r.code) });
  for (const v of src
    .prepare('SELECT v.*, r.name AS register_name FROM register_value v JOIN register r ON r.id = v.register_id')
    .all() as Link[]) {
    const registerId = ref('register', v.register_id)!;
    const unitId = ref('org_unit', v.unit_id)!;
    const here = await db
      .selectFrom('register_value')
      .select('value')
      .where('register_id', '=', registerId)
      .where('unit_id', '=', unitId)
      .where('year', '=', v.year)
      .executeTakeFirst();
    if (!here) {
      await insertLink('register_value', {
        register_id: registerId,
        unit_id: unitId,
        year: v.year,
        value: v.value,
        updated_at: v.updated_at,
      });
      out.counts.registerValues++;
    } else if (here.value !== v.value) {
      const unit = localUnits.find((u) => u.id === unitId) ?? srcUnits.find((u) => u.id === v.unit_id);
      out.conflicts.push(
        `Sổ theo dõi "${v.register_name}", ${unit?.name ?? ''}, năm ${v.year}: ở đây ${here.value}, văn phòng kia ${v.value}; giữ ${here.value}.`,
      );
    }
  }

  // ---- the other office's programmes, plans, targets and tasks: its own history ----
  await copyTable('programme', {});
  out.counts.plans = (await copyTable('plan', { programme_id: 'programme' })).length;
  await copyTable('target', { plan_id: 'plan', indicator_id: 'indicator', denominator_indicator_id: 'indicator' });
  await copyTable('task', { plan_id: 'plan', lead_unit_id: 'org_unit' });
  await copyLinks('task_coordinator', { task_id: 'task', unit_id: 'org_unit' });
  await copyTable('task_note', { task_id: 'task' });

  // ---- rounds, e-mails, what units sent, and every change to it ----
  out.counts.rounds = (
    await copyTable(
      'report_round',
      { form_version_id: 'form_version' },
      {
        shape(_r, values) {
          values.name = `${values.name} (${input.label})`;
        },
      },
    )
  ).length;
  await copyLinks('round_unit', { round_id: 'report_round', unit_id: 'org_unit' });
  const addedMessages = await copyTable(
    'email_message',
    { source_file_id: 'stored_file', unit_id: 'org_unit', round_id: 'report_round' },
    {
      find: async (m) =>
        m.message_id === null
          ? undefined
          : ((
              await db
                .selectFrom('email_message')
                .select('id')
                .where('message_id', '=', m.message_id)
                .executeTakeFirst()
            )?.id as number | undefined),
    },
  );
  const addedMessageIds = new Set(addedMessages.map((m) => m.id));
  await copyLinks('email_attachment', { message_id: 'email_message', file_id: 'stored_file' }, (a) =>
    addedMessageIds.has(a.message_id),
  );
  out.counts.messages = addedMessages.length;
  out.counts.submissions = (await copyTable('submission', { round_id: 'report_round', unit_id: 'org_unit' })).length;
  await copyTable('submission_revision', {
    submission_id: 'submission',
    email_message_id: 'email_message',
    file_id: 'stored_file',
  });
  await reportChangedFigures(db, src, map, input.label, out);
  out.counts.values = (
    await copyTable('data_value', {
      submission_id: 'submission',
      indicator_id: 'indicator',
      revision_id: 'submission_revision',
      source_file_id: 'stored_file',
    })
  ).length;
  out.counts.valueChanges = (
    await copyTable('value_history', { data_value_id: 'data_value', revision_id: 'submission_revision' })
  ).length;
  await copyTable('value_problem', { submission_id: 'submission', indicator_id: 'indicator' });
  await copyTable('submission_event', { submission_id: 'submission' });
  const addedSnapshots = new Set((await copyTable('round_snapshot', { round_id: 'report_round' })).map((s) => s.id));
  await copyLinks(
    'snapshot_value',
    { snapshot_id: 'round_snapshot', indicator_id: 'indicator', unit_id: 'org_unit' },
    (v) => addedSnapshots.has(v.snapshot_id),
    ['unit_id'],
  );

  // What the user should see to next.
  const stillValid = addedUnits.filter((u) => u.kind === 'province' && u.valid_to === null);
  for (const p of stillValid) {
    out.notes.push(
      `${p.name} (mã ${p.code}) vẫn còn hiệu lực ở đây. Nếu tỉnh này đã hợp nhất vào tỉnh của văn phòng, hãy ghi nhận việc hợp nhất (Đơn vị → Ghi nhận sáp nhập, chia tách…) để số liệu của hai tỉnh cộng vào tỉnh mới.`,
    );
  }
  return out;
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

/**
 * Joins each of the other office's indicators to this office's one with the same name, unit of
 * measure and type, when there is exactly one: targets, comparisons and the dashboard then add the two
 * provinces' figures up. The others are listed for the user to join on the comparison screen.
 */
async function linkIndicators(db: Kysely<any>, map: ForeignRecords, added: Row[], out: CopyOutcome): Promise<void> {
  if (added.length === 0) return;
  const mine = map.added('indicator');
  const roots = (
    (await db
      .selectFrom('indicator')
      .select(['id', 'name_key', 'measure_unit', 'value_type'])
      .where('same_as_id', 'is', null)
      .execute()) as Row[]
  ).filter((i) => !mine.has(i.id));
  const key = (i: Row) => `${i.name_key}|${foldText(i.measure_unit ?? '')}|${i.value_type}`;
  const byKey = new Map<string, number[]>();
  for (const r of roots) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r.id]);
  for (const i of added) {
    if (i.same_as_id !== null) continue; // follows its own lineage's root
    const candidates = byKey.get(key(i)) ?? [];
    const local = map.get('indicator', i.id)!;
    if (candidates.length !== 1) {
      out.unlinkedIndicators.push(i.name);
      continue;
    }
    await db.updateTable('indicator').set({ same_as_id: candidates[0] }).where('same_as_id', '=', local).execute();
    await db.updateTable('indicator').set({ same_as_id: candidates[0] }).where('id', '=', local).execute();
    out.linkedIndicators++;
  }
}

/** On a later import, figures the other office holds differently from what was brought in: this office's copy is kept, and said. */
async function reportChangedFigures(
  db: Kysely<any>,
  src: BetterSqlite3.Database,
  map: ForeignRecords,
  label: string,
  out: CopyOutcome,
): Promise<void> {
  const rows = src
    .prepare(
      `SELECT d.id, d.num_value, d.text_value, i.name AS indicator, u.name AS unit, r.name AS round
       FROM data_value d JOIN submission s ON s.id = d.submission_id JOIN indicator i ON i.id = d.indicator_id
       JOIN org_unit u ON u.id = s.unit_id JOIN report_round r ON r.id = s.round_id`,
    )
    .all() as Link[];
  for (const v of rows) {
    const local = map.get('data_value', v.id);
    if (local === undefined) continue;
    const here = await db
      .selectFrom('data_value')
      .select(['num_value', 'text_value'])
      .where('id', '=', local)
      .executeTakeFirst();
    if (here && (here.num_value !== v.num_value || here.text_value !== v.text_value)) {
      const show = (n: number | null, t: string | null) => (n ?? t ?? 'trống').toString();
      out.conflicts.push(
        `${v.round} (${label}), ${v.unit}, "${v.indicator}": ở đây ${show(here.num_value, here.text_value)}, văn phòng kia ${show(v.num_value, v.text_value)}; giữ số ở đây.`,
      );
    }
  }
}
