import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs a batch of many small transactions (a folder of replies, one transaction per file) without
 * waiting for the disk at every commit, then makes the whole batch durable at once.
 *
 * In WAL mode, synchronous=NORMAL keeps every commit atomic and the file consistent after a crash
 * or a killed process; only a power cut can lose the commits since the last sync, which the final
 * checkpoint (with FULL restored) closes. Each file is still fully imported or not at all, and the
 * sources stay where they were, so importing again finishes the work without duplicates.
 */
export async function withBatchDurability<T>(db: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  await sql`PRAGMA synchronous = NORMAL`.execute(db);
  try {
    return await run();
  } finally {
    await sql`PRAGMA synchronous = FULL`.execute(db);
    await sql`PRAGMA wal_checkpoint(FULL)`.execute(db);
  }
}
