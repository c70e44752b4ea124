import fs from 'node:fs';
import { openDatabase, type AppDatabase, type OpenOptions } from './connection';

/**
 * The app's open database, which a restore can replace while the app runs: the services read
 * `db` at each call, so after `replaceWith` they use the new file. The swap closes the old
 * connection (its WAL checkpointed and removed), renames the new file over the old one in one step
 * (atomic on the same disk: a crash leaves one or the other, never half), and opens it again.
 */
export class LiveDatabase {
  private constructor(
    private opened: AppDatabase,
    private readonly options: OpenOptions,
  ) {}

  static async open(file: string, options: OpenOptions = {}): Promise<LiveDatabase> {
    return new LiveDatabase(await openDatabase(file, options), options);
  }

  get db() {
    return this.opened.db;
  }
  get sqlite() {
    return this.opened.sqlite;
  }
  get path() {
    return this.opened.path;
  }
  get backupPath() {
    return this.opened.backupPath;
  }

  /** A consistent copy while open: SQLite's online backup API. */
  async copyTo(target: string): Promise<void> {
    await this.opened.sqlite.backup(target);
  }

  /** Puts `file` (a checked copy on the same disk) in place of the database and reopens it. */
  async replaceWith(file: string): Promise<void> {
    const target = this.opened.path;
    await this.opened.close();
    try {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
      fs.renameSync(file, target);
    } finally {
      this.opened = await openDatabase(target, this.options);
    }
  }

  close(): Promise<void> {
    return this.opened.close();
  }
}
