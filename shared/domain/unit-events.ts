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

/** A split's part gets a share of the figures in (0, 1]; the one message for it in the window, the command line and the service. */
export function shareProblem(code: string, share: number): string | null {
  return share > 0 && share <= 1 ? null : `Tỷ lệ của "${code}" phải lớn hơn 0 và không quá 1 (ví dụ 0,6 là 60%).`;
}

/** The parts of a split together take at most all of the figures. */
export function sharesTotalProblem(total: number): string | null {
  return total > 1 + 1e-9 ? `Tổng tỷ lệ chia là ${Math.round(total * 1000) / 10}%, vượt quá 100%.` : null;
}
