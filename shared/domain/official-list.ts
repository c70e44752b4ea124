import type { UnitKind } from './units';

/**
 * What applying the statistics office's administrative-unit list would change (or changed) among
 * the units valid on the list's day, for the provinces chosen.
 */
export interface OfficialListChoices {
  /** The day the list takes effect (1/7/2025 for the list of QĐ 19/2025/QĐ-TTg); new units begin then. None: today, and new units have no start. */
  date: string | null;
  /** The provinces to take from the list (codes); by default those the office already has. */
  provinces?: string[];
  /** A code held here by a unit of another name is a new unit (codes were reused in 2025), not a rename. */
  reusedCodes?: boolean;
  /** The legal basis recorded with the changes ("QĐ 19/2025/QĐ-TTg"). */
  basis?: string;
}

export interface OfficialListUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

export interface OfficialListPreview {
  fileName: string;
  /** The day compared (the list's day, or today). */
  day: string;
  hasDistricts: boolean;
  provincesInFile: { code: string; name: string; units: number }[];
  provinces: string[];
  added: OfficialListUnit[];
  renamed: { code: string; oldName: string; newName: string }[];
  /** Codes held here by another unit, which ends on the day and continues in the list's unit (recorded as a merge into it). */
  reused: { code: string; oldName: string; newName: string }[];
  moved: { code: string; name: string; oldParentCode: string | null; newParentCode: string | null }[];
  /** Units here (of the provinces chosen) that the list does not have: to be recorded as merged, split or ended. */
  missing: { code: string; name: string; kind: UnitKind }[];
  unchanged: number;
  /** Set once applied: the backup taken before. */
  backup: string | null;
  applied: boolean;
}

export function officialListChanges(p: OfficialListPreview): number {
  return p.added.length + p.renamed.length + p.reused.length + p.moved.length;
}

const MAX_LISTED = 20;

function listed<T>(items: T[], show: (x: T) => string): string {
  return (
    items.slice(0, MAX_LISTED).map(show).join('; ') +
    (items.length > MAX_LISTED ? `; … (thêm ${items.length - MAX_LISTED})` : '')
  );
}

/** The preview (or what was applied) in Vietnamese lines, for the command line and the screen. */
export function describeOfficialList(p: OfficialListPreview): string[] {
  const day = p.day.split('-').reverse().join('/');
  const lines = [
    `${p.applied ? 'Đã áp dụng' : 'Xem trước'} danh mục "${p.fileName}" ${p.hasDistricts ? '(có cấp huyện)' : '(không còn cấp huyện)'}, so với đơn vị có hiệu lực ngày ${day}; tỉnh: ${p.provinces.join(', ') || 'chưa chọn'}.`,
  ];
  if (p.provinces.length === 0)
    lines.push(
      `  Chọn tỉnh cần lấy (có trong danh mục: ${p.provincesInFile.map((x) => `${x.code} ${x.name}`).join(', ')}).`,
    );
  const none = p.added.length + p.renamed.length + p.reused.length + p.moved.length === 0;
  if (none && p.provinces.length > 0) lines.push(`  Không có gì thay đổi (${p.unchanged} đơn vị khớp danh mục).`);
  if (p.added.length) lines.push(`  Thêm ${p.added.length}: ${listed(p.added, (u) => `${u.code} ${u.name}`)}`);
  if (p.renamed.length)
    lines.push(`  Đổi tên ${p.renamed.length}: ${listed(p.renamed, (r) => `${r.code} ${r.oldName} → ${r.newName}`)}`);
  if (p.reused.length)
    lines.push(
      `  Mã dùng lại ${p.reused.length} (đơn vị cũ kết thúc, sáp nhập vào đơn vị mới mang mã đó): ${listed(p.reused, (r) => `${r.code} ${r.oldName} → ${r.newName}`)}`,
    );
  if (p.moved.length)
    lines.push(
      `  Đổi cấp trên ${p.moved.length}: ${listed(p.moved, (m) => `${m.code} ${m.name} (${m.oldParentCode ?? '—'} → ${m.newParentCode ?? '—'})`)}`,
    );
  if (!none && p.unchanged) lines.push(`  Giữ nguyên ${p.unchanged}.`);
  if (p.missing.length)
    lines.push(
      `  Có ở đây nhưng không có trong danh mục ${p.missing.length} (hãy ghi nhận sáp nhập, chia tách hoặc kết thúc): ${listed(p.missing, (u) => `${u.code} ${u.name}`)}`,
    );
  if (p.backup) lines.push(`  Bản sao lưu trước khi áp dụng: ${p.backup}`);
  return lines;
}
