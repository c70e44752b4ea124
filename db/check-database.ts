import { storageFailureReason } from './storage-failure';
import { openSqliteFile } from './open-sqlite';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The database's own check, on an open better-sqlite3 connection (the app's, or a backup opened
 * read-only): SQLite's integrity and foreign keys; in full, also every stored original present with
 * its checksum, and every figure's provenance resolvable (its revision belongs to its submission,
 * its file exists, its indicator is a row of its round's form). Problems come back in Vietnamese.
 */
import type { CheckProblem, CheckReport } from '../shared/domain/check';
import { migrations } from './migrations/index';
import { expectedSchema, readSchema, schemaDifferences, type Schema } from './schema-compare';

export type { CheckProblem, CheckReport };

const MAX_PER_KIND = 50;

function tableExists(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export interface CheckOptions {
  full?: boolean;
  /**
   * SQLite's own check: 'integrity' (the default) also proves every index matches its table;
   * 'quick' checks every page and row but not that, for a file whose rows are copied out and whose
   * indexes are never used for this database's answers (another office's database being brought in).
   */
  sqliteCheck?: 'integrity' | 'quick';
  /** What this version's migrations make: a database at this version is compared with it (an added trigger, a changed table). */
  expected?: Schema;
}

export function checkDatabase(sqlite: BetterSqlite3.Database, options: CheckOptions = {}): CheckReport {
  const full = options.full ?? false;
  const problems: CheckProblem[] = [];
  const add = (kind: CheckProblem['kind'], message: string) => {
    if (problems.filter((p) => p.kind === kind).length < MAX_PER_KIND) problems.push({ kind, message });
  };

  const pragma = full && options.sqliteCheck !== 'quick' ? 'integrity_check' : 'quick_check';
  const integrity = sqlite.pragma(pragma) as Record<string, string>[];
  for (const row of integrity) {
    const text = Object.values(row)[0]!;
    if (text !== 'ok') add('integrity', `SQLite báo lỗi cấu trúc: ${text}`);
  }
  if (problems.length > 0) return { ok: false, full, problems }; // a damaged file is not read further

  for (const fk of sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    add('foreign-key', `Bảng ${fk.table}, dòng ${fk.rowid}: trỏ tới ${fk.parent} không còn tồn tại`);
  }
  if (!tableExists(sqlite, 'schema_migration'))
    add('schema', 'Tệp không phải cơ sở dữ liệu của phần mềm (thiếu bảng nâng cấp).');
  else if (options.expected) {
    // Only a database at this version can be compared: an older one is compared once upgraded.
    const applied = (sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    if (applied.length === migrations.length && applied.every((n, i) => migrations[i]!.name === n)) {
      for (const d of schemaDifferences(readSchema(sqlite), options.expected))
        add('schema', `Cấu trúc dữ liệu khác với phần mềm: ${d}.`);
    }
  }

  if (full && tableExists(sqlite, 'stored_file_content')) {
    const files = sqlite
      .prepare(
        `SELECT f.id, f.original_name, f.sha256, c.content, p.container_id
         FROM stored_file f LEFT JOIN stored_file_content c ON c.file_id = f.id LEFT JOIN stored_file_part p ON p.file_id = f.id`,
      )
      .iterate() as Iterable<{
      id: number;
      original_name: string;
      sha256: string;
      content: Buffer | null;
      container_id: number | null;
    }>;
    for (const f of files) {
      if (f.content) {
        if (crypto.createHash('sha256').update(f.content).digest('hex') !== f.sha256)
          add('original', `Tệp gốc "${f.original_name}" (số ${f.id}) không còn đúng như khi nhận (sai mã kiểm tra).`);
      } else if (f.container_id === null) {
        add('original', `Thiếu nội dung tệp gốc "${f.original_name}" (số ${f.id}).`);
      }
    }
  }

  if (full && tableExists(sqlite, 'data_value')) {
    const wrongRevision = sqlite
      .prepare(
        `SELECT d.id FROM data_value d JOIN submission_revision r ON r.id = d.revision_id
         WHERE r.submission_id <> d.submission_id LIMIT ${MAX_PER_KIND}`,
      )
      .all() as { id: number }[];
    for (const r of wrongRevision) add('provenance', `Số liệu số ${r.id} ghi nguồn là một lần gửi của báo cáo khác.`);
    const notInForm = sqlite
      .prepare(
        `SELECT d.id, i.name FROM data_value d
         JOIN submission s ON s.id = d.submission_id
         JOIN report_round rr ON rr.id = s.round_id
         JOIN indicator i ON i.id = d.indicator_id
         WHERE (rr.form_version_id, d.indicator_id) NOT IN
           (SELECT form_version_id, indicator_id FROM form_row WHERE indicator_id IS NOT NULL)
         LIMIT ${MAX_PER_KIND}`,
      )
      .all() as { id: number; name: string }[];
    for (const r of notInForm)
      add('provenance', `Số liệu số ${r.id} ("${r.name}") không thuộc biểu mẫu của đợt báo cáo.`);
    const lostFile = sqlite
      .prepare(
        `SELECT d.id FROM data_value d JOIN stored_file f ON f.id = d.source_file_id
         WHERE NOT EXISTS (SELECT 1 FROM stored_file_content c WHERE c.file_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM stored_file_part p WHERE p.file_id = f.id)
         LIMIT ${MAX_PER_KIND}`,
      )
      .all() as { id: number }[];
    for (const r of lostFile) add('provenance', `Số liệu số ${r.id} ghi nguồn là một tệp gốc không còn nội dung.`);
  }
  return { ok: problems.length === 0, full, problems };
}

/** Checks a database file without changing it (read-only), even one too damaged to open normally. */
export async function checkDatabaseFile(
  file: string,
  full: boolean,
  compareSchema = full,
  sqliteCheck: CheckOptions['sqliteCheck'] = 'integrity',
): Promise<CheckReport> {
  const expected = compareSchema ? await expectedSchema() : undefined;
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = openSqliteFile(file, { readonly: true, fileMustExist: true });
    return checkDatabase(sqlite, { full, sqliteCheck, ...(expected ? { expected } : {}) });
  } catch (e) {
    return {
      ok: false,
      full,
      problems: [{ kind: 'integrity', message: `Không đọc được tệp dữ liệu: ${storageFailureReason(e)}.` }],
    };
  } finally {
    sqlite?.close();
  }
}
