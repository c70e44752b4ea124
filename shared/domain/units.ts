import { compareVi } from '../text/fold';

/** Kinds of organisational unit the office deals with. */
export const unitKinds = ['province', 'district', 'commune', 'department', 'secretariat', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  department: 'Sở, ban, ngành',
  secretariat: 'Cơ quan thường trực',
  other: 'Đơn vị khác',
};

/** Words an office may write in a "kind" column instead of the English code. */
const kindAliases: Record<string, UnitKind> = {
  province: 'province',
  tinh: 'province',
  'thanh pho truc thuoc trung uong': 'province',
  district: 'district',
  huyen: 'district',
  'thi xa': 'district',
  quan: 'district',
  'cap huyen': 'district',
  commune: 'commune',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  'dac khu': 'commune',
  'cap xa': 'commune',
  department: 'department',
  so: 'department',
  nganh: 'department',
  'so, nganh': 'department',
  'ban nganh': 'department',
  'co quan': 'department',
  'doan the': 'department',
  secretariat: 'secretariat',
  'thuong truc': 'secretariat',
  'co quan thuong truc': 'secretariat',
  other: 'other',
  khac: 'other',
};

/** Reads a kind written as a code or in Vietnamese words (already folded); null when unknown. */
export function parseUnitKind(folded: string): UnitKind | null {
  return kindAliases[folded] ?? null;
}

/** Whether a day lies in a validity interval (`from` the first day, `to` the first day after; null: open). */
export function validOn(day: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= day) && (to === null || to > day);
}

/** A unit as the API hands it out. */
export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  parentCode: string | null;
  emails: string[];
  validFrom: string | null;
  validTo: string | null;
}

/** A unit in tree order with its depth, for indented lists. */
export interface UnitTreeRow extends Unit {
  level: number;
  hasChildren: boolean;
  /** Folded "code name" for search that ignores diacritics. */
  searchKey: string;
}

const kindRank: Record<UnitKind, number> = {
  secretariat: 0,
  province: 1,
  department: 2,
  district: 3,
  commune: 4,
  other: 5,
};

function compareSiblings(a: Unit, b: Unit): number {
  return kindRank[a.kind] - kindRank[b.kind] || compareVi(a.code, b.code) || compareVi(a.name, b.name);
}

/**
 * Orders units depth-first as a tree: roots, then each one's children, siblings by kind
 * and then by code (official codes follow the official order). A unit whose parent is not in
 * the list is treated as a root, so a partial list still shows every unit once.
 */
export function orderUnitsAsTree(units: Unit[], searchKeyOf: (u: Unit) => string): UnitTreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const p = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(p) ?? [];
    list.push(u);
    children.set(p, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const out: UnitTreeRow[] = [];
  const seen = new Set<number>();
  const visit = (u: Unit, level: number) => {
    if (seen.has(u.id)) return; // a cycle in stored data must not hang the screen
    seen.add(u.id);
    const kids = children.get(u.id) ?? [];
    out.push({ ...u, level, hasChildren: kids.length > 0, searchKey: searchKeyOf(u) });
    for (const k of kids) visit(k, level + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Units caught in a parent cycle have no root; list them at the top level rather than lose them.
  for (const u of units) if (!seen.has(u.id)) visit(u, 0);
  return out;
}
