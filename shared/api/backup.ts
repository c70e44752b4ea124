import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import type { BackupStatusView, BackupSummary } from '../domain/backups';
import type { CheckReport } from '../domain/check';

/** A backup is named, never pathed: "pcmd-20261123-080000-thu-cong.db". */
const backupName = z.string().regex(/^pcmd-\d{8}-\d{6}-[a-z-]+\.db$/, 'Tên bản sao lưu không hợp lệ');

/** Backups, restoring one, and the database check. */
export const backupContract = {
  'backup:get-status': channel<BackupStatusView>()(noInput),
  /** "Sao lưu ngay": a consistent copy now; a problem with the second location is reported, not thrown. */
  'backup:take-now': channel<{ status: BackupStatusView; mirrorProblem: string | null }>()(noInput),
  /** Asks for a second folder and copies the backups there; null when cancelled. */
  'backup:choose-mirror': channel<BackupStatusView | null>()(noInput),
  /** What a backup of the app's folder holds, before restoring it. */
  'backup:inspect': channel<BackupSummary>()(z.object({ name: backupName }).strict()),
  /** Restores a backup of the app's folder; the current database is kept as a backup first. */
  'backup:restore': channel<{ restored: BackupSummary; safetyCopy: string }>()(z.object({ name: backupName }).strict()),
  /** The database's check: quick (structure, links) or full (also originals' checksums and figures' provenance). */
  'backup:check': channel<CheckReport>()(z.object({ full: z.boolean() }).strict()),
} satisfies FeatureContract<'backup'>;
