import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import type { Platform } from './platform';

/** What every service receives: no globals, so tests run services on a real database without Electron. */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  platform: Platform;
  databasePath: string;
  appVersion: string;
  /** Copies the open database to a file with SQLite's online backup API: consistent while the app runs. */
  copyDatabase(target: string): Promise<void>;
}
