import type { ServiceContext } from '../context';
import { writeHistoryWorkbook } from '../export/write-history-workbook';
import { saveAs } from '../files/save-as';
import { listHistory, type HistoryFilter } from '../../../db/submissions/history-repo';

/** Asks where to save the filtered audit log and writes it as .xlsx; null when the user cancels. */
export async function exportHistory(
  ctx: ServiceContext,
  filter: HistoryFilter,
): Promise<{ path: string; entries: number } | null> {
  const entries = await listHistory(ctx.db, { ...filter, limit: undefined });
  const bytes = await writeHistoryWorkbook(entries, 'LỊCH SỬ THAY ĐỔI SỐ LIỆU');
  const target = await saveAs(
    ctx,
    {
      title: 'Lưu lịch sử thay đổi số liệu',
      defaultName: `lich-su-so-lieu-${ctx.clock().toISOString().slice(0, 10)}.xlsx`,
      filterName: 'Excel (.xlsx)',
      extension: 'xlsx',
      madeByApp: true,
    },
    bytes,
  );
  return target === null ? null : { path: target, entries: entries.length };
}
