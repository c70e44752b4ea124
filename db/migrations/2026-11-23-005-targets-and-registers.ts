import { sql, type Kysely } from 'kysely';

/**
 * Targets evaluated from the figures, and the registers the office keeps:
 * - a share-of-units target counts the units whose figure meets a condition ("at least one
 *   awareness activity" = figure > 0; a yes/no indicator = 1);
 * - a register holds figures the office keeps itself, per unit and year (the number of communes,
 *   the number of at-risk businesses), used as a target's denominator;
 * - a task's status note carries who wrote it; task.status 'overdue' stays allowed for old rows, but
 *   lateness is worked out from the deadline and the day, never stored.
 */
const statements = [
  `ALTER TABLE target ADD COLUMN condition_comparator TEXT CHECK (condition_comparator IS NULL OR condition_comparator IN ('>','>=','=','<=','<'))`,
  `ALTER TABLE target ADD COLUMN condition_value REAL`,
  `ALTER TABLE target ADD COLUMN source_text TEXT`,
  `CREATE TABLE register (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    measure_unit TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE register_value (
    register_id INTEGER NOT NULL REFERENCES register(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value REAL NOT NULL CHECK (value >= 0),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (register_id, unit_id, year)
  ) STRICT`,
  `CREATE INDEX target_indicator ON target(indicator_id)`,
  `CREATE INDEX report_round_period ON report_round(period_code)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
