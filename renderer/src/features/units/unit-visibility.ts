import type { UnitTreeRow } from '../../../../shared/domain/units';
import { matchesQuery } from '../../../../shared/text/fold';

/**
 * Which rows of the tree to show: with a query, the matching units and their ancestors (so a match
 * is seen in its place); without one, every unit whose ancestors are all expanded.
 */
export function visibleUnitIds(rows: UnitTreeRow[], collapsed: ReadonlySet<number>, query: string): Set<number> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = new Set<number>();
  if (query.trim() !== '') {
    for (const r of rows) {
      if (!matchesQuery(r.searchKey, query)) continue;
      for (
        let cur: UnitTreeRow | undefined = r;
        cur && !visible.has(cur.id);
        cur = cur.parentId === null ? undefined : byId.get(cur.parentId)
      ) {
        visible.add(cur.id);
      }
    }
    return visible;
  }
  for (const r of rows) {
    let shown = true;
    for (
      let p = r.parentId === null ? undefined : byId.get(r.parentId);
      p;
      p = p.parentId === null ? undefined : byId.get(p.parentId)
    ) {
      if (collapsed.has(p.id)) {
        shown = false;
        break;
      }
    }
    if (shown) visible.add(r.id);
  }
  return visible;
}
