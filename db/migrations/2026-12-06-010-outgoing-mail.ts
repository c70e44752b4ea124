import { sql, type Kysely } from 'kysely';

/**
 * The office's outgoing mail: every message the app hands to the office's mail server (a round's
 * forms, a reminder, a correction request, a receipt, a test), recorded before it is handed over.
 * A row left 'sending' by a run that ended (a crash, a power cut) is read as 'maybe-sent' and never
 * sent again without the clerk's say. The Message-ID threads a unit's reply back to its round.
 */
const statements = [
  `CREATE TABLE outgoing_mail (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('forms','reminder','correction','receipt','test')),
    round_id INTEGER REFERENCES report_round(id) ON DELETE CASCADE,
    unit_id INTEGER REFERENCES org_unit(id),
    message_id TEXT NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 3 AND 300),
    to_addresses TEXT NOT NULL CHECK (json_valid(to_addresses)),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attachment_name TEXT,
    status TEXT NOT NULL CHECK (status IN ('sending','sent','failed','maybe-sent')),
    error TEXT,
    run_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
  ) STRICT`,
  `CREATE INDEX outgoing_mail_round ON outgoing_mail(round_id, unit_id, kind)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
