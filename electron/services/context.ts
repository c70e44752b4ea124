import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import type { Platform } from './platform';
import type { LiveDatabase } from '../../db/live-database';
import { checkDatabase, type CheckReport } from '../../db/check-database';
import { expectedSchema } from '../../db/schema-compare';

/** What every service receives: no globals, so tests run services on a real database without Electron. */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  platform: Platform;
  databasePath: string;
  appVersion: string;
  /** Copies the open database to a file with SQLite's online backup API: consistent while the app runs. */
  copyDatabase(target: string): Promise<void>;
  /** Puts a checked database file (on the same disk) in place of the open one, and reopens it: a restore. */
  replaceDatabase(file: string): Promise<void>;
  /** The open database's check: quick (structure, links) or full (also originals and provenance). */
  checkDatabase(full: boolean): Promise<CheckReport>;
}

/**
 * A context over a database that a restore can replace: `db` is read from the live database at each
 * use, never copied, so every service sees the new file after a restore.
 */
export function createServiceContext<
  T extends Omit<ServiceContext, 'db' | 'databasePath' | 'copyDatabase' | 'replaceDatabase' | 'checkDatabase'>,
>(live: LiveDatabase, rest: T): T & ServiceContext {
  const context = Object.create(null) as T & ServiceContext;
  Object.assign(context, rest);
  Object.defineProperties(context, {
    db: { get: () => live.db, enumerable: true },
    databasePath: { get: () => live.path, enumerable: true },
  });
  context.copyDatabase = (target) => live.copyTo(target);
  context.replaceDatabase = (file) => live.replaceWith(file);
  context.checkDatabase = async (full) =>
    checkDatabase(live.sqlite, full ? { full, expected: await expectedSchema() } : { full });
  return context;
}
