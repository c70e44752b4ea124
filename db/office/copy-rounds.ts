/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/restrict-template-expressions -- figures are read from a database of the same schema version by column name, so their values are untyped by design */
import { sql, type Kysely } from 'kysely';
import { OTHER_OFFICE } from './attach-other-office';
import type { Copier } from './copy-tables';

/** The other office's programmes, plans, targets and tasks: its own history, added whole. */
export async function copyPlans(c: Copier): Promise<void> {
  const { out, copyRows, copyLinkRows } = c;
  await copyRows('programme', {});
  out.counts.plans = await copyRows('plan', { programme_id: 'programme' });
  await copyRows('target', { plan_id: 'plan', indicator_id: 'indicator', denominator_indicator_id: 'indicator' });
  await copyRows('task', { plan_id: 'plan', lead_unit_id: 'org_unit' });
  await copyLinkRows('task_coordinator', { task_id: 'task', unit_id: 'org_unit' });
  await copyRows('task_note', { task_id: 'task' });
}

/**
 * Rounds (named with the other province), e-mails (the same Message-ID is the same e-mail), what units
 * sent, every figure and every change to it, checks, events and frozen totals.
 */
export async function copyRounds(c: Copier): Promise<void> {
  const { db, input, out, copyTable, copyRows, copyLinkRows } = c;
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
  await copyLinkRows('round_unit', { round_id: 'report_round', unit_id: 'org_unit' });
  out.counts.messages = await copyRows(
    'email_message',
    { source_file_id: 'stored_file', unit_id: 'org_unit', round_id: 'report_round' },
    { matchOn: 'message_id' },
  );
  await copyLinkRows(
    'email_attachment',
    { message_id: 'email_message', file_id: 'stored_file' },
    { addedWith: ['message_id', 'email_message'] },
  );
  out.counts.submissions = await copyRows('submission', { round_id: 'report_round', unit_id: 'org_unit' });
  await copyRows('submission_revision', {
    submission_id: 'submission',
    email_message_id: 'email_message',
    file_id: 'stored_file',
  });
  for (const v of await changedFigures(db, input.sourceId)) {
    const show = (n: number | null, t: string | null) => (n ?? t ?? 'trống').toString();
    out.conflicts.push(
      `${v.round} (${input.label}), ${v.unit}, "${v.indicator}": ở đây ${show(v.here_num, v.here_text)}, văn phòng kia ${show(v.num_value, v.text_value)}; giữ số ở đây.`,
    );
  }
  out.counts.values = await copyRows('data_value', {
    submission_id: 'submission',
    indicator_id: 'indicator',
    revision_id: 'submission_revision',
    source_file_id: 'stored_file',
  });
  out.counts.valueChanges = await copyRows('value_history', {
    data_value_id: 'data_value',
    revision_id: 'submission_revision',
  });
  await copyRows('value_problem', { submission_id: 'submission', indicator_id: 'indicator' });
  await copyRows('submission_event', { submission_id: 'submission' });
  await copyRows('round_snapshot', { round_id: 'report_round' });
  await copyLinkRows(
    'snapshot_value',
    { snapshot_id: 'round_snapshot', indicator_id: 'indicator', unit_id: 'org_unit' },
    { addedWith: ['snapshot_id', 'round_snapshot'], optional: ['unit_id'] },
  );
}

interface ChangedFigure {
  num_value: number | null;
  text_value: string | null;
  here_num: number | null;
  here_text: string | null;
  indicator: string;
  unit: string;
  round: string;
}

/** On a later import, figures the other office holds differently from what was brought in: this office's copy is kept, and said. */
async function changedFigures(db: Kysely<any>, sourceId: number): Promise<ChangedFigure[]> {
  return (
    await sql<ChangedFigure>`${sql.raw(
      `SELECT d.num_value, d.text_value, h.num_value AS here_num, h.text_value AS here_text,
              i.name AS indicator, u.name AS unit, r.name AS round
       FROM ${OTHER_OFFICE}.data_value d
       JOIN main.foreign_record f ON f.source_id = ${Number(sourceId)} AND f.table_name = 'data_value' AND f.foreign_id = d.id
       JOIN main.data_value h ON h.id = f.local_id
       JOIN ${OTHER_OFFICE}.submission s ON s.id = d.submission_id
       JOIN ${OTHER_OFFICE}.indicator i ON i.id = d.indicator_id
       JOIN ${OTHER_OFFICE}.org_unit u ON u.id = s.unit_id
       JOIN ${OTHER_OFFICE}.report_round r ON r.id = s.round_id
       WHERE h.num_value IS NOT d.num_value OR h.text_value IS NOT d.text_value
       ORDER BY d.id`,
    )}`.execute(db)
  ).rows;
}
