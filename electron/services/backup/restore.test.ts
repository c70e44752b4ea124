import { openSqliteFile } from '../../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/check-database';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import { backupFolder, listBackupFiles, takeBackup } from './backups';
import { inspectBackup, inspectBackupFile, restoreBackup, restoreBackupFile } from './restore';

let ctx: TestContext;
let now: Date;
beforeEach(async () => {
  ctx = await createTestContext();
  now = new Date('2026-11-23T08:00:00Z');
  ctx.clock = () => now;
  await createDemo(ctx, { history: true });
});
afterEach(async () => {
  await ctx.dispose();
});

const firstValue = () =>
  ctx.db.selectFrom('data_value').select(['id', 'num_value']).orderBy('id').executeTakeFirstOrThrow();

describe('restoring a backup', () => {
  it('shows what a backup holds, keeps the current database as a backup, and brings the old figures back', async () => {
    const before = await firstValue();
    const { backup } = await takeBackup(ctx, 'thu-cong');
    await ctx.db.updateTable('data_value').set({ num_value: 999_999 }).where('id', '=', before.id).execute();
    await ctx.db.deleteFrom('task').execute();

    const summary = inspectBackup(ctx, backup.name);
    expect(summary).toMatchObject({
      name: backup.name,
      takenAt: '2026-11-23T08:00:00Z',
      units: 24,
      plans: 2,
      rounds: 5,
      problems: [],
    });
    expect(summary.values).toBeGreaterThan(4000);

    now = new Date('2026-11-23T09:30:00Z');
    const result = await restoreBackup(ctx, backup.name);
    expect(result.safetyCopy).toBe('pcmd-20261123-093000-truoc-khoi-phuc.db');
    expect(await firstValue()).toEqual(before);
    expect(await ctx.db.selectFrom('task').select('id').execute()).toHaveLength(11);
    // The database as it was before the restore is kept, with the newer figure.
    const kept = openSqliteFile(path.join(backupFolder(ctx), result.safetyCopy), { readonly: true });
    expect(kept.prepare('SELECT num_value FROM data_value WHERE id = ?').get(before.id)).toEqual({
      num_value: 999_999,
    });
    kept.close();
    // No staging file is left, and the restored database passes the full check.
    expect(fs.readdirSync(path.dirname(ctx.databasePath)).filter((f) => f.includes('khoi-phuc'))).toEqual([]);
    expect(checkDatabase(ctx.database.sqlite, { full: true })).toEqual({ ok: true, full: true, problems: [] });
  });

  it('refuses a damaged backup, a file that is not a database and one from a newer version, and changes nothing', async () => {
    const folder = path.join(ctx.database.dir, 'khac');
    fs.mkdirSync(folder);
    const junk = path.join(folder, 'pcmd-20261120-080000-thu-cong.db');
    fs.writeFileSync(junk, 'đây không phải cơ sở dữ liệu');
    expect(inspectBackupFile(junk).problems[0]).toMatch(/^tệp không phải cơ sở dữ liệu của phần mềm hoặc đã bị hỏng/);
    await expect(restoreBackupFile(ctx, junk)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Không khôi phục từ "pcmd-20261120-080000-thu-cong.db": tệp không phải'),
    });

    const { backup } = await takeBackup(ctx, 'thu-cong');
    const damaged = path.join(folder, 'hong.db');
    const bytes = fs.readFileSync(backup.file);
    // Overwrite a page in the middle of the file: SQLite's own check finds it.
    bytes.fill(0x5a, 8192, 8192 + 4096);
    fs.writeFileSync(damaged, bytes);
    const before = await firstValue();
    await expect(restoreBackupFile(ctx, damaged)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Không khôi phục từ "hong.db"'),
    });

    const newer = path.join(folder, 'moi-hon.db');
    fs.copyFileSync(backup.file, newer);
    const db = openSqliteFile(newer);
    db.prepare("INSERT INTO schema_migration (name, applied_at) VALUES ('2099-01-01-001-future', 'x')").run();
    db.close();
    expect(inspectBackupFile(newer).problems.at(-1)).toContain('phiên bản phần mềm mới hơn');
    await expect(restoreBackupFile(ctx, newer)).rejects.toMatchObject({ code: 'invalid-input' });

    expect(await firstValue()).toEqual(before);
    // Refused restores take no safety copy: nothing was about to change.
    expect(listBackupFiles(backupFolder(ctx)).map((b) => b.kind)).toEqual(['thu-cong']);
    expect(() => inspectBackup(ctx, '../data.db')).toThrow('Không có bản sao lưu "../data.db" trong thư mục sao lưu.');
  });
});

describe('the database check', () => {
  it("finds a changed original file and a figure whose indicator is not in its round's form", async () => {
    expect(checkDatabase(ctx.database.sqlite, { full: true }).ok).toBe(true);
    const now = '2026-11-23T00:00:00Z';
    const file = await ctx.db
      .insertInto('stored_file')
      .values({ sha256: 'a'.repeat(64), size: 3, original_name: 'bao-cao.xlsx', media_type: null, stored_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('stored_file_content')
      .values({ file_id: file.id, content: Buffer.from('abc') })
      .execute();
    const stray = await ctx.db
      .insertInto('indicator')
      .values({
        code: 'LA',
        name: 'Chỉ tiêu lạ',
        name_key: 'chi tieu la',
        measure_unit: null,
        value_type: 'integer',
        aggregation: 'sum',
        parent_id: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sub = await ctx.db
      .selectFrom('submission')
      .select('id')
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('data_value')
      .values({
        submission_id: sub.id,
        indicator_id: stray.id,
        num_value: 1,
        text_value: null,
        revision_id: null,
        source_file_id: null,
        source_sheet: null,
        source_cell: null,
        comment: null,
        updated_at: now,
      })
      .execute();

    expect(checkDatabase(ctx.database.sqlite).ok).toBe(true); // the quick check looks at structure only
    const full = checkDatabase(ctx.database.sqlite, { full: true });
    expect(full.ok).toBe(false);
    expect(full.problems).toEqual([
      {
        kind: 'original',
        message: `Tệp gốc "bao-cao.xlsx" (số ${file.id}) không còn đúng như khi nhận (sai mã kiểm tra).`,
      },
      {
        kind: 'provenance',
        message: expect.stringMatching(/^Số liệu số \d+ \("Chỉ tiêu lạ"\) không thuộc biểu mẫu của đợt báo cáo\.$/),
      },
    ]);
  });
});

describe('a backup whose structure was changed', () => {
  it('with a trigger added that rewrites imported figures: restore refuses it, naming the trigger, and the full check finds it', async () => {
    const before = await firstValue();
    const { backup } = await takeBackup(ctx, 'thu-cong');
    const tampered = path.join(ctx.database.dir, 'pcmd-20261123-080000-thu-cong.db');
    fs.copyFileSync(backup.file, tampered);
    const raw = openSqliteFile(tampered);
    raw.exec(
      `CREATE TRIGGER doi_so_lieu AFTER INSERT ON data_value BEGIN UPDATE data_value SET num_value = 0 WHERE id = new.id; END`,
    );
    raw.close();
    // The check of the file itself finds it, as the command line's `check --full` does.
    const { checkDatabaseFile } = await import('../../../db/check-database');
    expect((await checkDatabaseFile(tampered, true)).problems).toContainEqual({
      kind: 'schema',
      message:
        'Cấu trúc dữ liệu khác với phần mềm: có thêm trigger "doi_so_lieu" (trên bảng data_value) không do phần mềm tạo.',
    });
    await expect(restoreBackupFile(ctx, tampered)).rejects.toMatchObject({
      message: expect.stringContaining('có thêm trigger "doi_so_lieu" (trên bảng data_value) không do phần mềm tạo'),
    });
    // Nothing changed: the live database is as it was, with no trigger.
    expect(await firstValue()).toEqual(before);
    expect(
      ctx.database.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'doi_so_lieu'").get(),
    ).toEqual({ n: 0 });
    expect(await ctx.checkDatabase(true)).toEqual({ ok: true, full: true, problems: [] });
  });
});
