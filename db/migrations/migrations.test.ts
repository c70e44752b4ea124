import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type AppDatabase } from '../connection';
import { makeTempDir } from '../testing/test-db';
import { migrations } from './index';
import { releasedMigrations } from './released';

const checksum = (name: string) =>
  crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(import.meta.dirname, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

describe('released migrations are frozen', () => {
  it('the code runs every released migration first, in order, each file exactly as released', () => {
    expect(migrations.slice(0, releasedMigrations.length).map((m) => m.name)).toEqual(
      releasedMigrations.map((m) => m.name),
    );
    for (const m of releasedMigrations) expect({ name: m.name, sha256: checksum(m.name) }).toEqual(m);
  });

  it('every migration file is listed, and names sort in the order they run', () => {
    const files = fs
      .readdirSync(import.meta.dirname)
      .filter((f) => /^\d{4}-\d{2}-\d{2}-\d{3}-[a-z-]+\.ts$/.test(f))
      .map((f) => f.slice(0, -3));
    expect(migrations.map((m) => m.name)).toEqual(files.sort());
  });
});

/** A database migrated up to (not including) the named migration, seeded, then taken to it. */
describe('migrations that change data, from a database at the version before holding data', () => {
  const dirs: string[] = [];
  const open: AppDatabase[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  async function migrateAcross(name: string, seed: (before: AppDatabase) => Promise<void>): Promise<AppDatabase> {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'data.db');
    const index = migrations.findIndex((m) => m.name === name);
    expect(index).toBeGreaterThan(0);
    const before = await openDatabase(file, { migrations: migrations.slice(0, index), backupDir: dir });
    await seed(before);
    await before.close();
    const after = await openDatabase(file, { migrations: migrations.slice(0, index + 1), backupDir: dir });
    open.push(after);
    return after;
  }

  const now = '2024-05-01T00:00:00.000Z';
  const exec = (d: AppDatabase, statements: string[]) => {
    for (const s of statements) d.sqlite.exec(s);
    return Promise.resolve();
  };

  it('004: changes already in the history are recorded as imported, and nothing else changes', async () => {
    const after = await migrateAcross('2026-11-23-004-checking-and-approval', (d) =>
      exec(d, [
        `INSERT INTO org_unit (id, code, name, name_key, kind, created_at, updated_at) VALUES (1, '524', 'Huyện A', 'huyen a', 'district', '${now}', '${now}')`,
        `INSERT INTO indicator (id, code, name, name_key, value_type, aggregation, created_at) VALUES (1, 'I1', 'Số cơ sở', 'so co so', 'integer', 'sum', '${now}')`,
        `INSERT INTO form (id, name, created_at) VALUES (1, 'Biểu', '${now}')`,
        `INSERT INTO form_version (id, form_id, version, created_at) VALUES (1, 1, 1, '${now}')`,
        `INSERT INTO report_round (id, form_version_id, name, period_code, period_start, period_end, cutoff_date, deadline, created_at) VALUES (1, 1, 'Năm 2023', '2023', '2023-01-01', '2023-12-31', '2023-12-14', '2023-12-20', '${now}')`,
        `INSERT INTO submission (id, round_id, unit_id, status, received_at) VALUES (1, 1, 1, 'received', '${now}')`,
        `INSERT INTO data_value (id, submission_id, indicator_id, num_value, updated_at) VALUES (1, 1, 1, 7, '${now}')`,
        `INSERT INTO value_history (id, data_value_id, old_num, new_num, changed_at, changed_by) VALUES (1, 1, NULL, 7, '${now}', 'nhập từ tệp')`,
        `INSERT INTO value_history (id, data_value_id, old_num, new_num, changed_at, changed_by) VALUES (2, 1, 7, 9, '${now}', 'văn phòng')`,
      ]),
    );
    const history = await sql<{
      id: number;
      how: string;
      new_num: number;
    }>`SELECT id, how, new_num FROM value_history ORDER BY id`.execute(after.db);
    expect(history.rows).toEqual([
      { id: 1, how: 'import', new_num: 7 },
      { id: 2, how: 'import', new_num: 9 },
    ]);
    const indicator = await sql<{
      min_value: number | null;
      same_as_id: number | null;
    }>`SELECT min_value, same_as_id FROM indicator`.execute(after.db);
    expect(indicator.rows).toEqual([{ min_value: null, same_as_id: null }]);
  });

  it('006: merges recorded before count yes/no answers only when every part answered yes', async () => {
    const after = await migrateAcross('2026-11-23-006-units-through-time', (d) =>
      exec(d, [
        `INSERT INTO org_unit (id, code, name, name_key, kind, created_at, updated_at) VALUES (1, '51', 'Tỉnh A', 'tinh a', 'province', '${now}', '${now}')`,
        `INSERT INTO org_unit (id, code, name, name_key, kind, valid_to, created_at, updated_at) VALUES (2, '62', 'Tỉnh B', 'tinh b', 'province', '2025-07-01', '${now}', '${now}')`,
        `INSERT INTO org_unit_event (id, kind, effective_date, basis, note, created_at) VALUES (1, 'merge', '2025-07-01', 'Nghị quyết 202/2025/QH15', NULL, '${now}')`,
        `INSERT INTO org_unit_succession (event_id, from_unit_id, to_unit_id, share) VALUES (1, 2, 1, 1)`,
      ]),
    );
    const events = await sql<{
      id: number;
      yes_no_rule: string;
      ended_unit_id: number | null;
    }>`SELECT id, yes_no_rule, ended_unit_id FROM org_unit_event`.execute(after.db);
    expect(events.rows).toEqual([{ id: 1, yes_no_rule: 'all', ended_unit_id: null }]);
    const succession = await sql`SELECT event_id, from_unit_id, to_unit_id, share FROM org_unit_succession`.execute(
      after.db,
    );
    expect(succession.rows).toEqual([{ event_id: 1, from_unit_id: 2, to_unit_id: 1, share: 1 }]);
  });

  it('007: a database made before identities gets one of its own, kept by its copies', async () => {
    const after = await migrateAcross('2026-11-23-007-office-sources', (d) =>
      exec(d, [
        `INSERT INTO app_setting (key, value) VALUES ('office.officeName', 'SỞ Y TẾ')`,
        `INSERT INTO org_unit (id, code, name, name_key, kind, created_at, updated_at) VALUES (1, '51', 'Tỉnh A', 'tinh a', 'province', '${now}', '${now}')`,
        `INSERT INTO org_unit_event (id, kind, effective_date, basis, note, created_at) VALUES (1, 'dissolve', '2025-07-01', NULL, NULL, '${now}')`,
      ]),
    );
    const settings = await sql<{
      key: string;
      value: string;
    }>`SELECT key, value FROM app_setting ORDER BY key`.execute(after.db);
    expect(settings.rows[0]).toMatchObject({ key: 'database.id', value: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(settings.rows[1]).toEqual({ key: 'office.officeName', value: 'SỞ Y TẾ' });
    const event = await sql`SELECT id, source_file_id FROM org_unit_event`.execute(after.db);
    expect(event.rows).toEqual([{ id: 1, source_file_id: null }]);
    // Two databases made before identities get different ones.
    const other = await migrateAcross('2026-11-23-007-office-sources', () => Promise.resolve());
    const otherId = await sql<{ value: string }>`SELECT value FROM app_setting WHERE key = 'database.id'`.execute(
      other.db,
    );
    expect(otherId.rows[0]!.value).not.toBe(settings.rows[0]!.value);
  });
});
