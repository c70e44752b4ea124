import type { HistoryEntry } from '../../../shared/domain/history';
import { changeHowLabels } from '../../../shared/domain/submissions';
import { formatDateTime } from '../../../shared/text/format-vi';
import { writeGridWorkbook } from './write-grid-workbook';

/** Columns of the audit log; widths in Excel characters. */
const columns: { header: string; width: number; value: (e: HistoryEntry) => string | number | null }[] = [
  { header: 'Thời điểm', width: 17, value: (e) => formatDateTime(e.at) },
  { header: 'Đợt báo cáo', width: 28, value: (e) => e.roundName },
  { header: 'Đơn vị', width: 26, value: (e) => e.unitName },
  { header: 'Chỉ tiêu', width: 48, value: (e) => e.indicatorName },
  { header: 'Giá trị cũ', width: 12, value: (e) => e.oldValue },
  { header: 'Giá trị mới', width: 12, value: (e) => e.newValue },
  { header: 'Cách thay đổi', width: 14, value: (e) => changeHowLabels[e.how] },
  { header: 'Tệp nguồn', width: 26, value: (e) => e.fileName },
  { header: 'Lý do', width: 30, value: (e) => e.reason },
];

/** The audit log as an Excel sheet "Lịch sử", one row per change, through the same writer as any grid. */
export function writeHistoryWorkbook(entries: HistoryEntry[], title: string): Promise<Buffer> {
  return writeGridWorkbook({
    title,
    sheetName: 'Lịch sử',
    // The grid writer takes screen pixels (about 7 per character).
    columns: columns.map((c) => ({ header: c.header, width: c.width * 7 })),
    rows: entries.map((e) => columns.map((c) => c.value(e))),
  });
}
