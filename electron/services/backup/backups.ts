import { storageFailureReason } from '../../../db/storage-failure';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { backupKinds, type BackupEntry, type BackupKind, type BackupStatusView } from '../../../shared/domain/backups';
import { readSetting, writeSetting } from '../../../db/settings/repo';

export type { BackupKind };

/** A backup on disk: what the renderer sees, and where it is. */
export interface BackupFile extends BackupEntry {
  file: string;
}

export interface BackupStatus extends Omit<BackupStatusView, 'last' | 'backups'> {
  last: BackupFile | null;
  backups: BackupFile[];
}

const MIRROR_KEY = 'backup.mirror-folder';
/** A backup older than this many days earns a warning on the settings screen. */
const WARN_AFTER_DAYS = 2;
const NAME = /^pcmd-(\d{8})-(\d{6})-([a-z-]+)\.db$/;

export function backupFolder(ctx: ServiceContext): string {
  return path.join(path.dirname(path.resolve(ctx.databasePath)), 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function backupFileName(at: Date, kind: BackupKind): string {
  return `pcmd-${stamp(at)}-${kind}.db`;
}

/** The backups in a folder, newest first; files that are not ours are left alone. */
export function listBackupFiles(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const m = NAME.exec(name);
      const kind = backupKinds.find((k) => k === m?.[3]);
      if (!m || !kind) return [];
      const d = m[1]!;
      const t = m[2]!;
      const file = path.join(folder, name);
      return [
        {
          file,
          name,
          takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`,
          kind,
          size: fs.statSync(file).size,
        },
      ];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** Copies the user asked for, or took before a risky step, of which the newest few are kept whatever their day. */
const KEEP_DELIBERATE = 10;

/**
 * Which backups rotation keeps: the newest of each of the last 7 days, of the last 4 weeks and of
 * the last 12 months (grandfather-father-son), always the newest one, and the newest 10 of each
 * kind taken on purpose ("Sao lưu ngay", before a restore, before a merge), so a second copy on the
 * same day never retires the one the user just made or restored from.
 */
export function backupsToKeep(backups: BackupFile[], now: Date): Set<string> {
  const keep = new Set<string>();
  const newestIn = (keyOf: (d: Date) => string, periods: number, spanDays: number) => {
    const seen = new Set<string>();
    for (const b of backups) {
      const d = new Date(b.takenAt);
      if ((now.getTime() - d.getTime()) / 86_400_000 > spanDays) continue;
      const key = keyOf(d);
      if (seen.has(key) || seen.size >= periods) continue;
      seen.add(key);
      keep.add(b.name);
    }
  };
  newestIn((d) => d.toISOString().slice(0, 10), 7, 7);
  newestIn((d) => String(Math.floor((d.getTime() / 86_400_000 + 3) / 7)), 4, 28);
  newestIn((d) => d.toISOString().slice(0, 7), 12, 366);
  if (backups[0]) keep.add(backups[0].name);
  for (const kind of backupKinds.filter((k) => k !== 'hang-ngay')) {
    for (const b of backups.filter((x) => x.kind === kind).slice(0, KEEP_DELIBERATE)) keep.add(b.name);
  }
  return keep;
}

function rotate(folder: string, now: Date): void {
  const all = listBackupFiles(folder);
  const keep = backupsToKeep(all, now);
  for (const b of all) if (!keep.has(b.name)) fs.rmSync(b.file, { force: true });
}

async function getMirror(ctx: ServiceContext): Promise<string | null> {
  return (await readSetting(ctx.db, MIRROR_KEY)) || null;
}

/** Keeps the second location in step with the first: the same backups, copied when missing, rotated alike. */
function mirrorTo(folder: string, mirror: string, now: Date): string | null {
  try {
    fs.mkdirSync(mirror, { recursive: true });
    const have = new Set(fs.readdirSync(mirror));
    for (const b of listBackupFiles(folder)) if (!have.has(b.name)) fs.copyFileSync(b.file, path.join(mirror, b.name));
    rotate(mirror, now);
    return null;
  } catch (e) {
    return `Không chép được bản sao lưu sang ${mirror}: ${storageFailureReason(e)}.`;
  }
}

/**
 * Takes a consistent copy of the database while the app runs (SQLite's online backup API), with
 * every stored original file inside it, then rotates the folder and keeps the second location in
 * step. A second location that is unplugged (a USB stick) does not fail the backup; it is reported.
 */
export async function takeBackup(
  ctx: ServiceContext,
  kind: BackupKind,
): Promise<{ backup: BackupFile; mirrorProblem: string | null }> {
  const now = ctx.clock();
  const folder = backupFolder(ctx);
  fs.mkdirSync(folder, { recursive: true });
  let name = backupFileName(now, kind);
  for (let i = 2; fs.existsSync(path.join(folder, name)); i++)
    name = backupFileName(new Date(now.getTime() + i * 1000), kind);
  const target = path.join(folder, name);
  try {
    await ctx.copyDatabase(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw new AppError('internal', `Không sao lưu được vào ${folder}: ${storageFailureReason(e)}.`, undefined, {
      cause: e,
    });
  }
  rotate(folder, now);
  const mirror = await getMirror(ctx);
  const mirrorProblem = mirror ? mirrorTo(folder, mirror, now) : null;
  const backup = listBackupFiles(folder).find((b) => b.name === name)!;
  return { backup, mirrorProblem };
}

/** At start-up: a daily copy unless one was taken today. */
export async function takeDailyBackupIfDue(ctx: ServiceContext): Promise<BackupFile | null> {
  const today = ctx.clock().toISOString().slice(0, 10);
  const last = listBackupFiles(backupFolder(ctx))[0];
  if (last && last.takenAt.slice(0, 10) === today) return null;
  return (await takeBackup(ctx, 'hang-ngay')).backup;
}

export async function getBackupStatus(ctx: ServiceContext): Promise<BackupStatus> {
  const folder = backupFolder(ctx);
  const backups = listBackupFiles(folder);
  const last = backups[0] ?? null;
  const ageDays = last ? Math.floor((ctx.clock().getTime() - new Date(last.takenAt).getTime()) / 86_400_000) : null;
  const warning =
    last === null
      ? 'Chưa có bản sao lưu nào. Hãy bấm "Sao lưu ngay".'
      : ageDays! >= WARN_AFTER_DAYS
        ? `Bản sao lưu gần nhất đã ${ageDays} ngày. Hãy bấm "Sao lưu ngay".`
        : null;
  return { folder, mirror: await getMirror(ctx), last, ageDays, warning, backups };
}

/** Asks for a second folder (a USB stick, a network folder) and copies the backups there now. */
export async function chooseMirror(ctx: ServiceContext): Promise<BackupStatus | null> {
  const folder = await ctx.platform.chooseFolder({ title: 'Chọn nơi lưu bản sao thứ hai (USB, thư mục mạng)' });
  if (folder === null) return null;
  if (path.resolve(folder) === path.resolve(backupFolder(ctx)))
    throw new AppError('invalid-input', 'Nơi lưu thứ hai phải khác thư mục sao lưu chính.');
  await writeSetting(ctx.db, MIRROR_KEY, folder);
  const problem = mirrorTo(backupFolder(ctx), folder, ctx.clock());
  if (problem) throw new AppError('internal', problem);
  return getBackupStatus(ctx);
}
