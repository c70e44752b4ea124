import type { YesNoRule } from './boundaries';

/** A recorded change of units: a merge, a split, an ending, with its legal basis. */
export interface UnitEvent {
  id: number;
  kind: 'merge' | 'split' | 'rename' | 'reparent' | 'create' | 'dissolve';
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

/** What recording a change gives back. */
export interface UnitChangeResult {
  event: UnitEvent;
  /** True when the same change had been recorded before: nothing was changed. */
  alreadyRecorded: boolean;
  /** Name of the backup taken before the change. */
  backup: string | null;
}
