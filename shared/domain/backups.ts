/** Copies of the database: why each was taken, and what the settings screen shows of them. */
export const backupKinds = ['hang-ngay', 'thu-cong', 'truoc-khoi-phuc', 'truoc-gop', 'truoc-danh-muc'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  'hang-ngay': 'Hằng ngày',
  'thu-cong': 'Sao lưu ngay',
  'truoc-khoi-phuc': 'Trước khi khôi phục',
  'truoc-gop': 'Trước khi gộp dữ liệu',
  'truoc-danh-muc': 'Trước khi áp dụng danh mục hành chính',
};

/** One backup as the renderer sees it: its name and time, never where else on disk it is. */
export interface BackupEntry {
  name: string;
  takenAt: string;
  kind: BackupKind;
  size: number;
}

export interface BackupStatusView {
  folder: string;
  mirror: string | null;
  last: BackupEntry | null;
  /** Whole days since the last backup; null when there is none. */
  ageDays: number | null;
  /** In Vietnamese, when the last backup is too old or missing. */
  warning: string | null;
  backups: BackupEntry[];
}

/** What a backup holds, shown before restoring it. */
export interface BackupSummary {
  name: string;
  takenAt: string;
  units: number;
  plans: number;
  rounds: number;
  values: number;
  /** Original files kept (replies, forms). */
  files: number;
  /** The newest change to a figure in it, if any. */
  newestChange: string | null;
  /** Why it cannot be restored, in Vietnamese; empty when it can. */
  problems: string[];
}
