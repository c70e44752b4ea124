import { sql, type Kysely } from 'kysely';

/**
 * The first domain schema. Frozen once released: later changes are new migrations.
 * STRICT tables; dates are ISO text (YYYY-MM-DD), timestamps ISO text with Z; booleans 0/1.
 */
const statements = [
  // ---- organisational units and their history ----
  `CREATE TABLE org_unit (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('province','district','commune','department','secretariat','other')),
    parent_id INTEGER REFERENCES org_unit(id) ON DELETE RESTRICT,
    valid_from TEXT,
    valid_to TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from),
    CHECK (parent_id IS NULL OR parent_id <> id)
  ) STRICT`,
  `CREATE INDEX org_unit_code ON org_unit(code)`,
  `CREATE INDEX org_unit_parent ON org_unit(parent_id)`,
  // A code identifies a unit only together with its validity: codes were reused in 2025.
  `CREATE UNIQUE INDEX org_unit_current_code ON org_unit(code) WHERE valid_to IS NULL`,
  `CREATE TABLE org_unit_email (
    unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (unit_id, email)
  ) STRICT`,
  `CREATE INDEX org_unit_email_email ON org_unit_email(email)`,
  // Merges, splits, renames and re-parenting, with the legal basis.
  `CREATE TABLE org_unit_event (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge','split','rename','reparent','create','dissolve')),
    effective_date TEXT NOT NULL,
    basis TEXT,
    note TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  // Which old unit continues in which new one, and with what share (1 = whole).
  `CREATE TABLE org_unit_succession (
    event_id INTEGER NOT NULL REFERENCES org_unit_event(id) ON DELETE CASCADE,
    from_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    to_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    share REAL NOT NULL DEFAULT 1 CHECK (share > 0 AND share <= 1),
    PRIMARY KEY (event_id, from_unit_id, to_unit_id)
  ) STRICT`,

  // ---- programmes, plans, targets, tasks ----
  `CREATE TABLE programme (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    decision_number TEXT,
    decision_date TEXT,
    issuer TEXT,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL CHECK (period_end >= period_start),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER REFERENCES programme(id) ON DELETE SET NULL,
    doc_number TEXT,
    doc_date TEXT,
    issuer TEXT NOT NULL,
    signer TEXT,
    type TEXT NOT NULL CHECK (type IN ('five-year','annual','final-review','other')),
    title TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL CHECK (period_end >= period_start),
    legal_basis TEXT,
    full_text TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE target (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('share-of-units','ratio','cumulative','growth','count','yes-no')),
    indicator_id INTEGER REFERENCES indicator(id),
    denominator_indicator_id INTEGER REFERENCES indicator(id),
    denominator_register TEXT,
    unit_kind TEXT CHECK (unit_kind IS NULL OR unit_kind IN ('province','district','commune','department','secretariat','other')),
    comparator TEXT NOT NULL CHECK (comparator IN ('>=','<=','=','between')),
    threshold REAL NOT NULL,
    threshold_high REAL,
    scope TEXT NOT NULL CHECK (scope IN ('province','each-unit')),
    period_from INTEGER,
    period_to INTEGER,
    deadline_year INTEGER,
    position INTEGER NOT NULL,
    UNIQUE (plan_id, code),
    CHECK (comparator <> 'between' OR threshold_high IS NOT NULL)
  ) STRICT`,
  `CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    content TEXT NOT NULL,
    lead_unit_id INTEGER REFERENCES org_unit(id),
    deadline TEXT,
    status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started','in-progress','done','overdue'))
  ) STRICT`,
  `CREATE TABLE task_coordinator (
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    PRIMARY KEY (task_id, unit_id)
  ) STRICT`,
  `CREATE TABLE task_note (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    noted_at TEXT NOT NULL,
    text TEXT NOT NULL
  ) STRICT`,

  // ---- indicators and forms ----
  `CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    measure_unit TEXT,
    value_type TEXT NOT NULL CHECK (value_type IN ('integer','decimal','percent','yes-no','text')),
    aggregation TEXT NOT NULL CHECK (aggregation IN ('sum','last','average','count-yes','none')),
    parent_id INTEGER REFERENCES indicator(id),
    child_rule TEXT NOT NULL DEFAULT 'each-le-parent' CHECK (child_rule IN ('none','each-le-parent','sum-eq-parent')),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE form (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE form_version (
    id INTEGER PRIMARY KEY,
    form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    period_type TEXT CHECK (period_type IS NULL OR period_type IN ('month','quarter','half-year','nine-months','year','multi-year')),
    unit_kinds TEXT NOT NULL DEFAULT '[]',
    source_file_id INTEGER REFERENCES stored_file(id),
    created_at TEXT NOT NULL,
    UNIQUE (form_id, version)
  ) STRICT`,
  `CREATE TABLE form_row (
    id INTEGER PRIMARY KEY,
    form_version_id INTEGER NOT NULL REFERENCES form_version(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    row_key TEXT NOT NULL,
    numbering TEXT,
    text TEXT NOT NULL,
    measure_unit TEXT,
    level INTEGER NOT NULL DEFAULT 0,
    parent_row_id INTEGER REFERENCES form_row(id),
    indicator_id INTEGER REFERENCES indicator(id),
    is_value_row INTEGER NOT NULL CHECK (is_value_row IN (0,1)),
    UNIQUE (form_version_id, position),
    UNIQUE (form_version_id, row_key),
    CHECK (is_value_row = 0 OR indicator_id IS NOT NULL)
  ) STRICT`,

  // ---- rounds and what units send ----
  `CREATE TABLE report_round (
    id INTEGER PRIMARY KEY,
    form_version_id INTEGER NOT NULL REFERENCES form_version(id),
    name TEXT NOT NULL,
    period_code TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    cutoff_date TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    created_at TEXT NOT NULL,
    CHECK (period_end >= period_start),
    CHECK (deadline >= cutoff_date)
  ) STRICT`,
  `CREATE TABLE round_unit (
    round_id INTEGER NOT NULL REFERENCES report_round(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    PRIMARY KEY (round_id, unit_id)
  ) STRICT`,
  `CREATE TABLE stored_file (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    original_name TEXT NOT NULL,
    media_type TEXT,
    stored_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE email_message (
    id INTEGER PRIMARY KEY,
    message_id TEXT,
    source TEXT NOT NULL CHECK (source IN ('eml','msg','mbox','imap','file')),
    source_file_id INTEGER REFERENCES stored_file(id),
    imap_mailbox TEXT,
    imap_uid INTEGER,
    from_address TEXT,
    from_name TEXT,
    subject TEXT,
    sent_at TEXT,
    imported_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('imported','needs-review','rejected','duplicate')),
    unit_id INTEGER REFERENCES org_unit(id),
    round_id INTEGER REFERENCES report_round(id),
    problem TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX email_message_message_id ON email_message(message_id) WHERE message_id IS NOT NULL`,
  `CREATE TABLE email_attachment (
    message_id INTEGER NOT NULL REFERENCES email_message(id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES stored_file(id),
    file_name TEXT NOT NULL,
    PRIMARY KEY (message_id, file_id, file_name)
  ) STRICT`,
  `CREATE TABLE submission (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES report_round(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    status TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected','received','has-errors','checked','returned','approved')),
    received_at TEXT,
    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0,1)),
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)),
    UNIQUE (round_id, unit_id)
  ) STRICT`,
  `CREATE TABLE submission_revision (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    source TEXT NOT NULL CHECK (source IN ('import','manual')),
    email_message_id INTEGER REFERENCES email_message(id),
    file_id INTEGER REFERENCES stored_file(id),
    created_at TEXT NOT NULL,
    note TEXT,
    UNIQUE (submission_id, number)
  ) STRICT`,
  `CREATE TABLE data_value (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    num_value REAL,
    text_value TEXT,
    revision_id INTEGER REFERENCES submission_revision(id),
    source_file_id INTEGER REFERENCES stored_file(id),
    source_sheet TEXT,
    source_cell TEXT,
    comment TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (submission_id, indicator_id)
  ) STRICT`,
  `CREATE INDEX data_value_indicator ON data_value(indicator_id)`,
  `CREATE TABLE value_history (
    id INTEGER PRIMARY KEY,
    data_value_id INTEGER NOT NULL REFERENCES data_value(id) ON DELETE CASCADE,
    old_num REAL,
    old_text TEXT,
    new_num REAL,
    new_text TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT,
    revision_id INTEGER REFERENCES submission_revision(id)
  ) STRICT`,
  `CREATE INDEX value_history_value ON value_history(data_value_id)`,

  // ---- settings ----
  `CREATE TABLE app_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
