import { useSqliteNativeBinding } from './open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './connection';
import { migrations } from './migrations/index';
import { makeTempDir } from './testing/test-db';

const dirs: string[] = [];
function tempFile(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return path.join(dir, 'data.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates a new file in WAL mode with foreign keys on and every table STRICT', async () => {
    const file = tempFile();
    const { sqlite, close, backupPath } = await openDatabase(file);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = sqlite
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema='main' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'org_unit',
        'plan',
        'target',
        'task',
        'indicator',
        'form_version',
        'form_row',
        'report_round',
        'submission',
        'submission_revision',
        'data_value',
        'value_history',
        'stored_file',
        'email_message',
        'app_setting',
      ]),
    );
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    expect(backupPath).toBeNull(); // nothing to back up in a new file
    await close();
  });

  it('enforces constraints in SQLite itself (foreign keys, CHECK)', async () => {
    const { db, close } = await openDatabase(tempFile());
    const now = '2026-01-01T00:00:00.000Z';
    await expect(
      db
        .insertInto('org_unit')
        .values({
          code: 'X',
          name: 'X',
          name_key: 'x',
          // @ts-expect-error a kind outside the list, which the database itself must refuse
          kind: 'planet',
          parent_id: null,
          valid_from: null,
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('org_unit')
        .values({
          code: 'X',
          name: 'X',
          name_key: 'x',
          kind: 'district',
          parent_id: 999,
          valid_from: null,
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await close();
  });

  it('opens an existing file again without migrating or backing up', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const again = await openDatabase(file);
    expect(again.backupPath).toBeNull();
    const applied = await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(again.db);
    expect(applied.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    await again.close();
  });

  it('backs up an existing file before a new migration, and a failed migration leaves the file as it was', async () => {
    const file = tempFile();
    const first = await openDatabase(file);
    const now = '2026-01-01T00:00:00.000Z';
    await first.db
      .insertInto('org_unit')
      .values({
        code: '51',
        name: 'Tỉnh Quảng Ngãi',
        name_key: 'tinh quang ngai',
        kind: 'province',
        parent_id: null,
        valid_from: null,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await first.close();

    const failing = [
      ...migrations,
      {
        name: '2099-01-01-001-broken',
        async up(db: Parameters<(typeof migrations)[number]['up']>[0]) {
          await sql`CREATE TABLE half_done (x INTEGER) STRICT`.execute(db);
          await sql`UPDATE org_unit SET name = 'đã bị sửa'`.execute(db);
          await sql`SELECT * FROM table_that_does_not_exist`.execute(db);
        },
      },
    ];
    const attempt = openDatabase(file, { migrations: failing, now: () => new Date('2026-11-23T10:00:00Z') });
    await expect(attempt).rejects.toMatchObject({
      code: 'database',
      message: expect.stringContaining('Tệp dữ liệu được giữ nguyên'),
    });

    const after = await openDatabase(file);
    const units = await after.db.selectFrom('org_unit').select('name').execute();
    expect(units).toEqual([{ name: 'Tỉnh Quảng Ngãi' }]);
    const half = await sql`SELECT name FROM sqlite_master WHERE name = 'half_done'`.execute(after.db);
    expect(half.rows).toEqual([]);
    await after.close();

    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'));
    expect(backups).toEqual(['data-truoc-nang-cap-20261123T100000.db']);
    const copy = await openDatabase(path.join(path.dirname(file), 'backups', backups[0]!));
    expect(await copy.db.selectFrom('org_unit').select('code').execute()).toEqual([{ code: '51' }]);
    await copy.close();
  });

  it('refuses a file migrated by a newer version and does not touch it', async () => {
    const file = tempFile();
    const newer = [...migrations, { name: '2099-01-01-001-future', async up() {} }];
    await (await openDatabase(file, { migrations: newer })).close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toMatchObject({
      code: 'database',
      message: expect.stringContaining('phiên bản phần mềm khác'),
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('loads the native module it is told to (the Electron build in development), and says so when it is missing', async () => {
    const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    try {
      useSqliteNativeBinding(nodeBuild);
      const opened = await openDatabase(tempFile());
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      await opened.close();
      useSqliteNativeBinding('/khong/co/better_sqlite3.node');
      await expect(openDatabase(tempFile())).rejects.toMatchObject({
        code: 'database',
        message: expect.stringContaining('Không nạp được thư viện SQLite'),
      });
    } finally {
      useSqliteNativeBinding(undefined);
    }
  });

  it('refuses a file that is not a database with a Vietnamese message', async () => {
    const file = tempFile();
    fs.writeFileSync(file, 'đây không phải cơ sở dữ liệu'.repeat(200));
    await expect(openDatabase(file)).rejects.toMatchObject({
      code: 'database',
      message: expect.stringMatching(/không phải cơ sở dữ liệu|bị hỏng/),
    });
  });
});
