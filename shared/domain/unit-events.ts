import type { YesNoRule } from './boundaries';
import { formatNumber } from '../text/format-vi';

export type UnitEventKind = 'merge' | 'split' | 'rename' | 'reparent' | 'create' | 'dissolve';

/** A recorded change of units: a merge, a split, an ending, with its legal basis. */
export interface UnitEvent {
  id: number;
  kind: UnitEventKind;
  /** The first day of the new arrangement. */
  date: string;
  basis: string | null;
  yesNoRule: YesNoRule;
  from: { code: string; name: string }[];
  to: { code: string; name: string; share: number }[];
}

export const unitEventLabels: Record<UnitEvent['kind'], string> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  reparent: 'Chuyển cấp trên',
  create: 'Thành lập',
  dissolve: 'Kết thúc hoạt động',
};

/** The units before and after a change: "524 Huyện Bình Sơn → X1 Xã A (60%), X2 Xã B (40%)". */
export function describeUnitChange(e: Pick<UnitEvent, 'from' | 'to'>): string {
  const to = e.to
    .map((t) => `${t.code} ${t.name}${t.share < 1 ? ` (${formatNumber(t.share * 100)}%)` : ''}`)
    .join(', ');
  return `${e.from.map((f) => `${f.code} ${f.name}`).join(', ')}${to ? ` → ${to}` : ''}`;
}

/** What recording a change gives back. */
export interface UnitChangeResult {
  event: UnitEvent;
  /** True when the same change had been recorded before: nothing was changed. */
  alreadyRecorded: boolean;
  /** Name of the backup taken before the change. */
  backup: string | null;
}
