import type { ImportResult } from '../../../shared/domain/inbox';

/** An import's outcome for the log: its counts by status ("12 tệp: 9 đã nhập, 1 cần xem lại, 1 trùng, 1 lỗi"). */
export function importSummary(value: unknown): string {
  const results: ImportResult[] = Array.isArray(value)
    ? (value as ImportResult[])
    : value && typeof value === 'object' && 'status' in value
      ? [value as ImportResult]
      : [];
  const n = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
  return `${results.length} tệp: ${n('imported')} đã nhập, ${n('needs-review')} cần xem lại, ${n('duplicate')} trùng, ${n('rejected')} lỗi`;
}
