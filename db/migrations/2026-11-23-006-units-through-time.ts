import { sql, type Kysely } from 'kysely';

/**
 * Units through time (the 2025 merger of provinces and the end of districts):
 * - a unit's former parents, each with the period it held (org_unit.parent_id is the parent since
 *   the last change): a commune kept through the reform moves from its district to the province;
 * - the unit an ending concerns (a district ended with no successor has no succession row to name it);
 * - how a merge counts yes/no figures ("all": the merged unit is "yes" only when every part was;
 *   "any": when one was); a split copies a yes/no figure to every part and divides counts by share.
 */
const statements = [
  `CREATE TABLE org_unit_former_parent (
    unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES org_unit(id),
    valid_from TEXT,
    valid_to TEXT NOT NULL,
    event_id INTEGER REFERENCES org_unit_event(id) ON DELETE SET NULL,
    PRIMARY KEY (unit_id, valid_to),
    CHECK (valid_from IS NULL OR valid_to > valid_from),
    CHECK (parent_id IS NULL OR parent_id <> unit_id)
  ) STRICT`,
  `ALTER TABLE org_unit_event ADD COLUMN yes_no_rule TEXT NOT NULL DEFAULT 'all' CHECK (yes_no_rule IN ('all','any'))`,
  `ALTER TABLE org_unit_event ADD COLUMN ended_unit_id INTEGER REFERENCES org_unit(id)`,
  `CREATE INDEX org_unit_succession_to ON org_unit_succession(to_unit_id)`,
  `CREATE INDEX org_unit_succession_from ON org_unit_succession(from_unit_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
