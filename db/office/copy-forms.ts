/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-template-expressions -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type { Kysely } from 'kysely';
import type { RuleSide } from '../../shared/domain/validation-rules';
import { foldText } from '../../shared/text/fold';
import type { ForeignRecords } from './foreign-records';
import type { Copier, CopyOutcome, Row } from './copy-tables';

/**
 * Indicators (a code in use here renamed; joined to this office's same indicator when there is one),
 * the other office's forms with their versions, rows and checking rules, named with its province.
 */
export async function copyForms(c: Copier): Promise<void> {
  const { db, map, input, out, ref, copyTable, copyRows } = c;
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
  await copyRows('form_version', { form_id: 'form', source_file_id: 'stored_file' }, { referredOneByOne: true });
  await copyRows(
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
