import { storageFailureReason } from '../../../db/storage-failure';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, type AppDatabase } from '../../../db/connection';
import { openSqliteFile } from '../../../db/open-sqlite';
import { checkDatabaseFile } from '../../../db/check-database';
import { expectedSchema, readSchema, schemaDifferences } from '../../../db/schema-compare';
import { AppError } from '../../../shared/errors';

/** Where a database keeps its identity (made once by the upgrade that brought offices together). */
export const DATABASE_ID_KEY = 'database.id';

export interface OfficeDatabase {
  /** A private copy of the other database, upgraded to this version's tables; the file given is never written. */
  source: AppDatabase;
  databaseId: string;
  label: string;
  fileName: string;
  sha256: string;
  close(): Promise<void>;
}

async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The identity of a database: its own when it has one; a database from before identities existed
 * is known by the moment it was created (its first upgrade step), which its copies share.
 */
function readIdentity(file: string): string {
  const sqlite = openSqliteFile(file, { readonly: true, fileMustExist: true });
  try {
    const hasSettings =
      sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_setting'").get() !== undefined;
    const own = hasSettings
      ? (sqlite.prepare('SELECT value FROM app_setting WHERE key = ?').get(DATABASE_ID_KEY) as
          { value: string } | undefined)
      : undefined;
    if (own) return own.value;
    const first = sqlite.prepare('SELECT applied_at FROM schema_migration ORDER BY rowid LIMIT 1').get() as
      { applied_at: string } | undefined;
    if (!first) throw new AppError('invalid-input', 'Cơ sở dữ liệu này còn trống (chưa có bảng nào của phần mềm).');
    return `tao-luc-${first.applied_at}`;
  } finally {
    sqlite.close();
  }
}

/** The name of the other office's province as its own unit list says it (the latest one), else the file's name. */
function readLabel(sqlite: BetterSqlite3.Database, fileName: string): string {
  const province = sqlite
    .prepare(
      "SELECT name FROM org_unit WHERE kind = 'province' AND parent_id IS NULL ORDER BY valid_to IS NULL DESC, valid_to DESC, id LIMIT 1",
    )
    .get() as { name: string } | undefined;
  return province?.name ?? path.basename(fileName, path.extname(fileName));
}

/**
 * Opens another office's database to bring it in: checked in full (a damaged file or one that is not
 * this app's is refused, naming what is wrong), copied to a temporary folder and upgraded there, so a
 * database from an older version reads like a current one and the file given stays as it was.
 */
export async function openOfficeDatabase(file: string): Promise<OfficeDatabase> {
  const fileName = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not-found', `Không tìm thấy tệp "${file}".`);
  }
  if (!stat.isFile() || stat.size === 0)
    throw new AppError('invalid-input', `"${fileName}" không phải một tệp cơ sở dữ liệu (tệp rỗng hoặc là thư mục).`);
  const sha256 = await fileSha256(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-van-phong-khac-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, 'van-phong-khac.db');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    // Its structure is compared once upgraded, below, with a message of its own.
    // Every page and row, the originals' checksums and the figures' provenance; its indexes are not
    // proven against its tables, since its rows are copied out and its indexes answer nothing here.
    const report = await checkDatabaseFile(copy, true, false, 'quick');
    if (!report.ok) {
      throw new AppError(
        'database',
        `Không nhập được "${fileName}": tệp không phải cơ sở dữ liệu của phần mềm hoặc đã bị hỏng. Không có gì được thay đổi.`,
        report.problems.slice(0, 20).map((p) => ({ message: p.message })),
      );
    }
    const databaseId = readIdentity(copy);
    const source = await openDatabase(copy, { backupDir: dir, checked: true });
    // Upgraded, it must be exactly what this version makes: anything added (a trigger) is refused before a row is copied.
    const differences = schemaDifferences(readSchema(source.sqlite), await expectedSchema());
    if (differences.length > 0) {
      await source.close();
      throw new AppError(
        'database',
        `Không nhập được "${fileName}": cấu trúc dữ liệu khác với phần mềm (${differences[0]}${differences.length > 1 ? ` và ${differences.length - 1} khác biệt nữa` : ''}). Không có gì được thay đổi.`,
        differences.map((message) => ({ message })),
      );
    }
    const label = readLabel(source.sqlite, fileName);
    return {
      source,
      databaseId,
      label,
      fileName,
      sha256,
      async close() {
        await source.close();
        remove();
      },
    };
  } catch (e) {
    remove();
    if (e instanceof AppError) throw e;
    throw new AppError(
      'database',
      `Không đọc được "${fileName}" như một cơ sở dữ liệu của phần mềm: ${storageFailureReason(e)}.`,
      undefined,
      { cause: e },
    );
  }
}
