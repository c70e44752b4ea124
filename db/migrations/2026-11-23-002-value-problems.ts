import { sql, type Kysely } from 'kysely';

/**
 * What the checks found in a submission's values: blocking errors kept apart from warnings, each
 * with its Vietnamese explanation. Recomputed whenever the submission's values change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE value_problem (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
    indicator_id INTEGER REFERENCES indicator(id),
    severity TEXT NOT NULL CHECK (severity IN ('error','warning')),
    rule TEXT NOT NULL,
    message TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX value_problem_submission ON value_problem(submission_id)`.execute(db);
}
