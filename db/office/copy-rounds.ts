/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-template-expressions -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ForeignRecords } from './foreign-records';
import type { Copier, CopyOutcome, Link } from './copy-tables';

/** The other office's programmes, plans, targets and tasks: its own history, added whole. */
export async function copyPlans(c: Copier): Promise<void> {
  const { out, copyTable, copyLinks } = c;
  await copyTable('programme', {});
  out.counts.plans = (await copyTable('plan', { programme_id: 'programme' })).length;
  await copyTable('target', { plan_id: 'plan', indicator_id: 'indicator', denominator_indicator_id: 'indicator' });
  await copyTable('task', { plan_id: 'plan', lead_unit_id: 'org_unit' });
  await copyLinks('task_coordinator', { task_id: 'task', unit_id: 'org_unit' });
  await copyTable('task_note', { task_id: 'task' });
}

/**
 * Rounds (named with the other province), e-mails (the same Message-ID is the same e-mail), what units
 * sent, every figure and every change to it, checks, events and frozen totals.
 */
export async function copyRounds(c: Copier): Promise<void> {
  const { db, src, map, input, out, copyTable, copyLinks } = c;
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
