import type { Db } from '../../../db/schema';
import { ForeignRecords } from '../../../db/office/foreign-records';
import { findOfficeSource, insertOfficeSource, updateOfficeSource } from '../../../db/office/sources-repo';
import { readSetting } from '../../../db/settings/repo';
import { AppError } from '../../../shared/errors';
import { emptyCounts, nothingAdded, type OfficeImportResult } from '../../../shared/domain/office-import';
import type { ServiceContext } from '../context';
import { takeBackup } from '../backup/backups';
import { DATABASE_ID_KEY, openOfficeDatabase } from './open-office-database';
import { copyOfficeRecords } from '../../../db/office/copy-office-records';
import { withOtherOfficeAttached } from '../../../db/office/attach-other-office';
import { formatDate } from '../../../shared/text/format-vi';

export async function getDatabaseId(db: Db): Promise<string> {
  const id = await readSetting(db, DATABASE_ID_KEY);
  if (id === null) throw new AppError('database', 'Cơ sở dữ liệu chưa có mã nhận diện (chưa được nâng cấp đầy đủ).');
  return id;
}

/**
 * Brings another office's database into this one: the office of a province that merged into this
 * province (2025), whose units, forms, rounds, figures, originals and history the final review of
 * 2021-2025 needs. The other file is read from an upgraded private copy and never written; a backup of
 * this database is taken first; all of it is one transaction, so a failure leaves nothing half done.
 * The other database is known by its identity, not its file name: bringing it in again (the same file,
 * or a later copy of it) adds only what is new since, and nothing twice.
 */
export async function importOfficeDatabase(ctx: ServiceContext, input: { file: string }): Promise<OfficeImportResult> {
  const other = await openOfficeDatabase(input.file);
  try {
    if (other.databaseId === (await getDatabaseId(ctx.db))) {
      throw new AppError(
        'invalid-input',
        `"${other.fileName}" là chính cơ sở dữ liệu đang dùng (hoặc một bản sao lưu của nó): không có gì để nhập.`,
      );
    }
    const known = await findOfficeSource(ctx.db, other.databaseId);
    const base = { label: other.label, fileName: other.fileName, firstTime: !known };
    if (known && known.file_sha256 === other.sha256) {
      return {
        ...base,
        sameFileAsBefore: true,
        backup: null,
        counts: emptyCounts(),
        renamedUnits: [],
        linkedIndicators: 0,
        unlinkedIndicators: [],
        conflicts: [],
        notes: [`Tệp này đã được nhập ngày ${formatDate(known.last_imported_at.slice(0, 10))}.`],
      };
    }
    const backup = (await takeBackup(ctx, 'truoc-gop')).backup.name;
    const now = ctx.clock().toISOString();
    // Attached to this connection, the other database's large tables are copied in INSERT … SELECT statements.
    const outcome = await withOtherOfficeAttached(ctx.db, other.source.path, () =>
      ctx.db.transaction().execute(async (trx) => {
        const seen = { label: other.label, fileName: other.fileName, sha256: other.sha256, now };
        const sourceId = known?.id ?? (await insertOfficeSource(trx, other.databaseId, seen));
        const map = await ForeignRecords.load(trx, sourceId);
        const copied = await copyOfficeRecords({
          trx,
          src: other.source.sqlite,
          map,
          sourceId,
          label: other.label,
          now,
        });
        // A later copy that brought nothing new leaves the database exactly as it was.
        if (known && !nothingAdded(copied.counts)) {
          await updateOfficeSource(trx, known.id, seen);
        }
        return copied;
      }),
    );
    return { ...base, sameFileAsBefore: false, backup, ...outcome };
  } finally {
    await other.close();
  }
}

/** Lets the user choose the other office's database (or a backup of it) and brings it in; null when the user cancels. */
export async function chooseAndImportOfficeDatabase(ctx: ServiceContext): Promise<OfficeImportResult | null> {
  const file = await ctx.platform.chooseFile({
    title: 'Chọn cơ sở dữ liệu (hoặc bản sao lưu) của văn phòng tỉnh đã hợp nhất',
    filters: [{ name: 'Cơ sở dữ liệu của phần mềm', extensions: ['db', 'sqlite'] }],
  });
  if (file === null) return null;
  return importOfficeDatabase(ctx, { file });
}
