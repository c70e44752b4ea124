/**
 * The areas of the product. Only areas that work are listed; the others join as they are built
 * (data, analysis, exports, settings).
 */
export const areas = [
  { id: 'overview', label: 'Tổng quan' },
  { id: 'plans', label: 'Kế hoạch, chỉ tiêu' },
  { id: 'forms', label: 'Biểu mẫu' },
  { id: 'rounds', label: 'Đợt báo cáo' },
  { id: 'inbox', label: 'Hộp thư đến' },
  { id: 'units', label: 'Đơn vị' },
  { id: 'settings', label: 'Cài đặt' },
  { id: 'help', label: 'Hướng dẫn' },
] as const;

export type AreaId = (typeof areas)[number]['id'];

/** The hash's path segments: "#/rounds/3/unit/12" → ["rounds", "3", "unit", "12"]. */
export function hashSegments(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

export function areaFromHash(hash: string): AreaId {
  const id = hashSegments(hash)[0] ?? '';
  return areas.find((a) => a.id === id)?.id ?? 'overview';
}
