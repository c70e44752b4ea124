import { storageFailureReason } from './storage-failure';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { AppError } from '../shared/errors';
import type { Database } from './schema';
import { migrations as allMigrations, type Migration } from './migrations/index';
import { closeSqlite, openSqliteFile } from './open-sqlite';

export interface OpenOptions {
  /** The migrations the code knows; tests pass their own list. */
  migrations?: readonly Migration[];
  /** Where the copy taken before migrating goes; default: a "backups" folder beside the file. */
  backupDir?: string;
  now?: () => Date;
  /** The file was checked in full just before (a private copy): its quick check on opening is skipped. */
  checked?: boolean;
}

export interface AppDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  path: string;
  /** The copy taken before migrating an existing file, if one was taken. */
  backupPath: string | null;
  close(): Promise<void>;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 as Kysely sees it, with prepared statements kept for reuse: Kysely prepares every
 * query anew, and preparing a multi-row insert costs more than running it. Least recently used
 * statements are dropped past 500.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function openSqlite(file: string): BetterSqlite3.Database {
  try {
    const sqlite = openSqliteFile(file);
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    return sqlite;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(String(e))) {
      throw new AppError(
        'database',
        'Không nạp được thư viện SQLite của phần mềm. Hãy cài đặt lại phần mềm (khi phát triển: chạy lại `npm start`).',
        undefined,
        { cause: e },
      );
    }
    throw new AppError('database', `Không mở được tệp dữ liệu "${file}": ${storageFailureReason(e)}.`, undefined, {
      cause: e,
    });
  }
}

function checkIntegrity(sqlite: BetterSqlite3.Database, file: string): void {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new AppError(
      'database',
      `Tệp dữ liệu "${file}" bị hỏng (kiểm tra toàn vẹn không đạt). Hãy khôi phục từ bản sao lưu gần nhất.`,
      problems.slice(0, 20).map((message) => ({ message })),
    );
  }
}

/**
 * Opens (or creates) the database file: WAL, foreign keys, an integrity check of an existing
 * file, a backup copy before migrating it, and every pending migration in its own transaction.
 * A migration that fails leaves the file as it was and names the backup.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<AppDatabase> {
  const migrations = options.migrations ?? allMigrations;
  const now = options.now ?? (() => new Date());
  const existed = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // Kysely's destroy closes the handle only if a query went through it: the handle itself is closed
  // here for certain (a staging database with nothing to migrate stayed open, and Windows then
  // refused to rename or delete it).
  const close = async () => {
    await db.destroy();
    closeSqlite(sqlite);
  };
  let backupPath: string | null = null;
  try {
    if (existed && !options.checked) checkIntegrity(sqlite, file);
    sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    const applied = (sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    applied.forEach((name, i) => {
      if (migrations[i]?.name !== name) {
        throw new AppError(
          'database',
          `Tệp dữ liệu "${file}" được tạo bởi một phiên bản phần mềm khác (bước nâng cấp "${name}" không có trong phiên bản này). Hãy dùng phiên bản phần mềm mới hơn; tệp dữ liệu không bị thay đổi.`,
        );
      }
    });
    const pending = migrations.slice(applied.length);
    if (pending.length > 0 && existed) {
      const dir = options.backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      backupPath = path.join(dir, `${path.basename(file, path.extname(file))}-truoc-nang-cap-${stamp(now())}.db`);
      await sqlite.backup(backupPath);
    }
    for (const m of pending) {
      try {
        await db.transaction().execute(async (trx) => {
          await m.up(trx);
          const broken = await sqlSelectForeignKeyProblems(trx);
          if (broken > 0) throw new Error(`${broken} ràng buộc khóa ngoại bị vi phạm sau khi nâng cấp`);
          await trx.insertInto('schema_migration').values({ name: m.name, applied_at: now().toISOString() }).execute();
        });
      } catch (e) {
        throw new AppError(
          'database',
          `Không nâng cấp được tệp dữ liệu ở bước "${m.name}". Tệp dữ liệu được giữ nguyên như trước khi nâng cấp${
            backupPath ? `; bản sao lưu: ${backupPath}` : ''
          } (${storageFailureReason(e)}).`,
          undefined,
          { cause: e },
        );
      }
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { db, sqlite, path: file, backupPath, close };
}

async function sqlSelectForeignKeyProblems(trx: Kysely<Database>): Promise<number> {
  const result = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(trx);
  return result.rows.length;
}
