import { sql, type Kysely } from 'kysely';

/**
 * Checking and approving figures:
 * - an indicator's own range (beyond what its type implies) and its link to the same indicator in
 *   another form, so periods compare across form changes;
 * - how each change to a value was made (import, typed, pasted, undo, redo);
 * - the office's own rules over a form's indicators (DHIS2-style: left side, operator, right side);
 * - the workflow log of each submission (checked, returned, approved, unlocked with a reason);
 * - frozen snapshots of a round's figures as sent upward, which no later statement can alter.
 */
const statements = [
  `ALTER TABLE indicator ADD COLUMN min_value REAL`,
  `ALTER TABLE indicator ADD COLUMN max_value REAL`,
  `ALTER TABLE indicator ADD COLUMN same_as_id INTEGER REFERENCES indicator(id)`,
  `ALTER TABLE value_history ADD COLUMN how TEXT NOT NULL DEFAULT 'import' CHECK (how IN ('import','typed','pasted','undo','redo'))`,
  `CREATE INDEX value_history_changed_at ON value_history(changed_at)`,
  `CREATE TABLE validation_rule (
    id INTEGER PRIMARY KEY,
    form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    left_side TEXT NOT NULL,
    operator TEXT NOT NULL CHECK (operator IN ('==','!=','<','<=','>','>=')),
    right_side TEXT NOT NULL,
    importance TEXT NOT NULL CHECK (importance IN ('error','warning')),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE submission_event (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('check','return','approve','unlock')),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT
  ) STRICT`,
  `CREATE INDEX submission_event_submission ON submission_event(submission_id)`,
  `CREATE TABLE round_snapshot (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES report_round(id) ON DELETE RESTRICT,
    taken_at TEXT NOT NULL,
    note TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE snapshot_value (
    snapshot_id INTEGER NOT NULL REFERENCES round_snapshot(id) ON DELETE RESTRICT,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    unit_id INTEGER REFERENCES org_unit(id),
    num_value REAL,
    text_value TEXT,
    units_reported INTEGER NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX snapshot_value_key ON snapshot_value(snapshot_id, indicator_id, coalesce(unit_id, 0))`,
  `CREATE TRIGGER round_snapshot_frozen_update BEFORE UPDATE ON round_snapshot BEGIN SELECT RAISE(ABORT, 'snapshot-frozen'); END`,
  `CREATE TRIGGER round_snapshot_frozen_delete BEFORE DELETE ON round_snapshot BEGIN SELECT RAISE(ABORT, 'snapshot-frozen'); END`,
  `CREATE TRIGGER snapshot_value_frozen_update BEFORE UPDATE ON snapshot_value BEGIN SELECT RAISE(ABORT, 'snapshot-frozen'); END`,
  `CREATE TRIGGER snapshot_value_frozen_delete BEFORE DELETE ON snapshot_value BEGIN SELECT RAISE(ABORT, 'snapshot-frozen'); END`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
