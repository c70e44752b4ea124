import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { writeHistoryWorkbook } from '../export/write-history-workbook';
import { listHistory, type HistoryFilter } from './history';

/** Asks where to save the filtered audit log and writes it as .xlsx; null when the user cancels. */
export async function exportHistory(ctx: ServiceContext, filter: HistoryFilter): Promise<{ path: string; entries: number } | null> {
  const entries = await listHistory(ctx.db, { ...filter, limit: undefined });
  const target = await ctx.platform.chooseSavePath({
    title: 'Lưu lịch sử thay đổi số liệu',
    defaultName: `lich-su-so-lieu-${ctx.clock().toISOString().slice(0, 10)}.xlsx`,
    filters: [{ name: 'Excel (.xlsx)', extensions: ['xlsx'] }],
  });
  if (target === null) return null;
  if (!target.toLowerCase().endsWith('.xlsx')) throw new AppError('invalid-input', 'Tệp lưu phải có đuôi .xlsx.');
  fs.writeFileSync(target, await writeHistoryWorkbook(entries, 'LỊCH SỬ THAY ĐỔI SỐ LIỆU'));
  return { path: target, entries: entries.length };
}
