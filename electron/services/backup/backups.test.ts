import { openSqliteFile } from '../../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { createDemo } from '../demo/create-demo';
import {
  backupFolder,
  backupsToKeep,
  chooseMirror,
  getBackupStatus,
  listBackupFiles,
  takeBackup,
  takeDailyBackupIfDue,
  type BackupFile,
} from './backups';

let ctx: TestContext;
let now: Date;
beforeEach(async () => {
  ctx = await createTestContext();
  now = new Date('2026-11-23T08:00:00Z');
  ctx.clock = () => now;
  await createDemo(ctx);
});
afterEach(async () => {
  await ctx.dispose();
});

describe('backups', () => {
  it('take a consistent copy with the online backup API that opens with the same data, and report their age', async () => {
    expect((await getBackupStatus(ctx)).warning).toBe('Chưa có bản sao lưu nào. Hãy bấm "Sao lưu ngay".');
    const { backup, mirrorProblem } = await takeBackup(ctx, 'thu-cong');
    expect(mirrorProblem).toBeNull();
    expect(backup.name).toBe('pcmd-20261123-080000-thu-cong.db');
    const copy = openSqliteFile(backup.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM org_unit').get()).toEqual({ n: 24 });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    now = new Date('2026-11-26T09:00:00Z');
    const status = await getBackupStatus(ctx);
    expect([status.ageDays, status.warning]).toEqual([3, 'Bản sao lưu gần nhất đã 3 ngày. Hãy bấm "Sao lưu ngay".']);
  });

  it('take a daily copy at start-up once a day', async () => {
    expect(await takeDailyBackupIfDue(ctx)).not.toBeNull();
    now = new Date('2026-11-23T17:00:00Z');
    expect(await takeDailyBackupIfDue(ctx)).toBeNull();
    now = new Date('2026-11-24T07:00:00Z');
    expect((await takeDailyBackupIfDue(ctx))!.kind).toBe('hang-ngay');
    expect(listBackupFiles(backupFolder(ctx))).toHaveLength(2);
  });

  it('rotate as 7 daily, 4 weekly, 12 monthly, always keeping the newest', () => {
    const at = (iso: string, kind: BackupFile['kind'] = 'hang-ngay'): BackupFile => ({
      file: '',
      name: `${iso}-${kind}`,
      takenAt: iso,
      kind,
      size: 1,
    });
    const days = Array.from({ length: 400 }, (_, i) =>
      at(new Date(Date.UTC(2026, 10, 23, 8) - i * 86_400_000).toISOString()),
    );
    const keep = backupsToKeep(days, new Date('2026-11-23T09:00:00Z'));
    const kept = days.filter((b) => keep.has(b.name)).map((b) => b.takenAt.slice(0, 10));
    expect(kept.slice(0, 7)).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    expect(kept.length).toBeGreaterThanOrEqual(7 + 3 + 10);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.at(-1)! >= '2025-11-23').toBe(true);
  });

  it('keep a second location in step, and report (not fail) when it is unplugged', async () => {
    const mirror = path.join(ctx.database.dir, 'usb');
    ctx.platform.folders.push(mirror);
    await takeBackup(ctx, 'thu-cong');
    const status = await chooseMirror(ctx);
    expect(status!.mirror).toBe(mirror);
    expect(fs.readdirSync(mirror)).toEqual(['pcmd-20261123-080000-thu-cong.db']);
    now = new Date('2026-11-24T08:00:00Z');
    await takeBackup(ctx, 'hang-ngay');
    expect(fs.readdirSync(mirror).sort()).toEqual([
      'pcmd-20261123-080000-thu-cong.db',
      'pcmd-20261124-080000-hang-ngay.db',
    ]);
    fs.rmSync(mirror, { recursive: true });
    fs.writeFileSync(mirror, 'not a folder');
    now = new Date('2026-11-25T08:00:00Z');
    const r = await takeBackup(ctx, 'thu-cong');
    expect(r.mirrorProblem).toMatch(/^Không chép được bản sao lưu sang .*usb/);
    expect(listBackupFiles(backupFolder(ctx))).toHaveLength(3);
  });
});
