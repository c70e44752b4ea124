import type { ServiceContext } from '../services/context';
import { inspectBackup, restoreBackup } from '../services/backup/restore';
import { chooseMirror, getBackupStatus, takeBackup, type BackupStatus } from '../services/backup/backups';
import type { BackupEntry, BackupStatusView } from '../../shared/domain/backups';
import type { FeatureHandlers } from './types';

/** Backups as the renderer sees them: names and times, never where else on disk they are. */
function toView(s: BackupStatus): BackupStatusView {
  const strip = ({ name, takenAt, kind, size }: BackupEntry): BackupEntry => ({ name, takenAt, kind, size });
  return {
    folder: s.folder,
    mirror: s.mirror,
    last: s.last && strip(s.last),
    ageDays: s.ageDays,
    warning: s.warning,
    backups: s.backups.map(strip),
  };
}

export function backupHandlers(ctx: ServiceContext): FeatureHandlers<'backup'> {
  return {
    'backup:get-status': async () => toView(await getBackupStatus(ctx)),
    'backup:take-now': async () => {
      const { mirrorProblem } = await takeBackup(ctx, 'thu-cong');
      return { status: toView(await getBackupStatus(ctx)), mirrorProblem };
    },
    'backup:choose-mirror': async () => {
      const status = await chooseMirror(ctx);
      return status && toView(status);
    },
    'backup:inspect': async (input) => inspectBackup(ctx, input.name),
    'backup:restore': (input) => restoreBackup(ctx, input.name),
    'backup:check': async (input) => ctx.checkDatabase(input.full),
  };
}
