import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../db/check-database';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import { importOfficeDatabase } from '../office/import-office';
import { takeBackup } from './backups';
import { inspectBackupFile, restoreBackupFile } from './restore';

/**
 * Windows refuses to rename or delete a file some handle still holds, which Linux allows: after
 * restore, backup inspection, the full check and office import, the process must hold no file
 * descriptor on the backup, the staging copy, the file checked or the other office's file and its
 * private copy. Read from /proc/self/fd, every descriptor the process has.
 */
function heldFiles(match: (file: string) => boolean): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target !== '' && match(target.replace(/ \(deleted\)$/, '')));
}

let ctx: TestContext;
let other: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2026-11-23T08:00:00Z'));
  await createDemo(ctx);
});
afterEach(async () => {
  await ctx.dispose();
  await other?.dispose();
});

describe.runIf(process.platform === 'linux')('files are let go (what Windows needs to rename or delete them)', () => {
  it('after inspecting a backup, checking it in full, and restoring it: no handle on the backup or the staging copy', async () => {
    const { backup } = await takeBackup(ctx, 'thu-cong');
    const staging = `${ctx.databasePath}.khoi-phuc`;
    const touched = (f: string) => f === backup.file || f.startsWith(staging);

    expect(inspectBackupFile(backup.file).problems).toEqual([]);
    expect(heldFiles(touched)).toEqual([]);
    expect((await checkDatabaseFile(backup.file, true)).ok).toBe(true);
    expect(heldFiles(touched)).toEqual([]);
    await restoreBackupFile(ctx, backup.file);
    expect(heldFiles(touched)).toEqual([]);
    // The restored database is the one open now, and the backup can be removed at once.
    fs.rmSync(backup.file);
    expect(heldFiles((f) => f === ctx.databasePath).length).toBeGreaterThan(0);
  });

  it("after importing another office's database: no handle on its file or on the private copy it was read from", async () => {
    other = await createTestContext(new Date('2026-11-20T03:00:00Z'));
    await createDemo(other);
    const file = path.join(ctx.database.dir, 'van-phong-khac.db');
    await other.copyDatabase(file);
    const privateCopies = path.join(os.tmpdir(), 'pcmd-van-phong-khac-');
    await importOfficeDatabase(ctx, { file });
    expect(heldFiles((f) => f === file || f.startsWith(privateCopies))).toEqual([]);
    // Refused (this very database): still nothing held.
    const own = path.join(ctx.database.dir, 'ban-sao.db');
    await ctx.copyDatabase(own);
    await expect(importOfficeDatabase(ctx, { file: own })).rejects.toThrow();
    expect(heldFiles((f) => f === own || f.startsWith(privateCopies))).toEqual([]);
  });
});
