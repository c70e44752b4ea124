import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { checkDatabase } from '../../../db/check-database';
import { storageFailureReason } from '../../../db/storage-failure';
import { openDatabase } from '../../../db/connection';
import { openSqliteFile } from '../../../db/open-sqlite';
import { expectedSchema } from '../../../db/schema-compare';
import { migrations } from '../../../db/migrations/index';
import type { BackupSummary } from '../../../shared/domain/backups';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { backupFolder, listBackupFiles, takeBackup } from './backups';

/**
 * What a backup holds, read without changing it: when it was taken, how many units, rounds and
 * figures, the newest change, and whether it passes the full check. A backup made by a newer
 * version of the app (steps this version does not know) is refused.
 */
export function inspectBackupFile(file: string, name = path.basename(file)): BackupSummary {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = openSqliteFile(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('invalid-input', `Không mở được "${name}": ${storageFailureReason(e)}.`, undefined, {
      cause: e,
    });
  }
  try {
    let report;
    try {
      report = checkDatabase(sqlite, { full: true });
    } catch (e) {
      // SQLite refuses to read it at all: not a database, or damaged past its own check.
      report = {
        ok: false,
        full: true,
        problems: [
          {
            kind: 'integrity' as const,
            message: `tệp không phải cơ sở dữ liệu của phần mềm hoặc đã bị hỏng (${storageFailureReason(e)})`,
          },
        ],
      };
    }
    const count = (table: string) => {
      try {
        return Number((sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
      } catch {
        return 0;
      }
    };
    const steps =
      report.ok || report.problems.every((p) => p.kind !== 'schema' && p.kind !== 'integrity')
        ? (sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map(
            (r) => r.name,
          )
        : [];
    const unknown = steps.filter((s) => !migrations.some((m) => m.name === s));
    let newest: string | null = null;
    try {
      newest = (sqlite.prepare('SELECT max(updated_at) AS t FROM data_value').get() as { t: string | null }).t;
    } catch {
      newest = null;
    }
    const problems = report.problems.map((p) => p.message);
    if (unknown.length)
      problems.push(
        `Bản sao lưu do phiên bản phần mềm mới hơn tạo (bước nâng cấp "${unknown[0]}"); hãy cập nhật phần mềm trước khi khôi phục.`,
      );
    return {
      name,
      takenAt:
        listBackupFiles(path.dirname(file)).find((b) => b.name === name)?.takenAt ??
        fs.statSync(file).mtime.toISOString(),
      units: count('org_unit'),
      plans: count('plan'),
      rounds: count('report_round'),
      values: count('data_value'),
      files: count('stored_file'),
      newestChange: newest,
      problems,
    };
  } finally {
    sqlite.close();
  }
}

/** A backup of the app's own folder, by name: the renderer never names a path. */
function backupByName(ctx: ServiceContext, name: string): string {
  const found = listBackupFiles(backupFolder(ctx)).find((b) => b.name === name);
  if (!found) throw new AppError('not-found', `Không có bản sao lưu "${name}" trong thư mục sao lưu.`);
  return found.file;
}

export function inspectBackup(ctx: ServiceContext, name: string): BackupSummary {
  return inspectBackupFile(backupByName(ctx, name), name);
}

/**
 * Restores a backup: checks it, keeps the current database as a backup ("Trước khi khôi phục"),
 * copies the backup beside the database, brings it to this version's schema and checks it again,
 * then puts it in place in one rename. Nothing changes when any step before the rename fails.
 */
export async function restoreBackupFile(
  ctx: ServiceContext,
  file: string,
  name = path.basename(file),
): Promise<{ restored: BackupSummary; safetyCopy: string }> {
  const summary = inspectBackupFile(file, name);
  if (summary.problems.length) {
    throw new AppError(
      'invalid-input',
      `Không khôi phục từ "${name}": ${summary.problems[0]}`,
      summary.problems.map((message) => ({ message })),
    );
  }
  // The backup is copied out first: the safety copy below rotates the folder, which may retire it.
  const staging = `${ctx.databasePath}.khoi-phuc`;
  const clean = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${staging}${suffix}`, { force: true });
  };
  clean();
  let safetyCopy: string;
  try {
    const source = openSqliteFile(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(staging);
    } finally {
      source.close();
    }
    const staged = await openDatabase(staging, { backupDir: path.join(path.dirname(staging), 'backups') });
    // Compared with what this version makes once upgraded: a backup with anything added (a trigger) is refused.
    const report = checkDatabase(staged.sqlite, { full: true, expected: await expectedSchema() });
    staged.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await staged.close();
    if (!report.ok)
      throw new AppError(
        'database',
        `Bản sao lưu "${name}" không đạt kiểm tra sau khi nâng cấp: ${report.problems[0]!.message}`,
      );
    safetyCopy = (await takeBackup(ctx, 'truoc-khoi-phuc')).backup.name;
    await ctx.replaceDatabase(staging);
  } finally {
    clean();
  }
  return { restored: summary, safetyCopy };
}

export function restoreBackup(ctx: ServiceContext, name: string) {
  return restoreBackupFile(ctx, backupByName(ctx, name), name);
}
