import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase, type OpenOptions } from '../connection';

export interface TestDatabase extends AppDatabase {
  dir: string;
  /** Closes the database and removes its folder. */
  dispose(): Promise<void>;
}

/** A real SQLite file in a fresh temporary folder, migrated like the app's. */
export async function createTestDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-test-'));
  const opened = await openDatabase(path.join(dir, 'data.db'), options);
  return {
    ...opened,
    dir,
    async dispose() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function makeTempDir(prefix = 'pcmd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
