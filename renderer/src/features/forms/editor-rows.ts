import type { ChildRule, EditedFormRow, FormRowDraft } from '../../../../shared/domain/forms';

/** A row as the form editor holds it: what it sends, plus an id for the grid and the import's notes. */
export interface EditorRow extends EditedFormRow {
  uid: string;
  childRule: ChildRule;
  notes: string[];
}

let counter = 0;
const uid = () => `u${++counter}`;

export function toEditorRows(rows: FormRowDraft[]): EditorRow[] {
  return rows.map((r) => ({
    uid: uid(),
    ...(r.rowKey ? { rowKey: r.rowKey } : {}),
    numbering: r.numbering,
    text: r.text,
    unit: r.unit,
    level: r.level,
    valueRow: r.valueRow,
    valueType: r.valueType,
    childRule: r.childRule,
    notes: r.notes,
  }));
}

export function toSavedRows(rows: EditorRow[]) {
  return rows.map(({ uid: _u, notes: _n, ...r }) => r);
}

/** The editing moves, as pure functions of the list and the focused index; each returns the new list and focus. */
export const edits = {
  add: (rows: EditorRow[], at: number): [EditorRow[], number] => {
    const base = rows[at];
    const row: EditorRow = {
      uid: uid(),
      numbering: '-',
      text: 'Dòng mới',
      unit: base?.unit ?? null,
      level: base?.level ?? 0,
      valueRow: true,
      valueType: 'integer',
      childRule: 'each-le-parent',
      notes: [],
    };
    const next = [...rows];
    next.splice(at + 1, 0, row);
    return [next, at + 1];
  },
  remove: (rows: EditorRow[], at: number): [EditorRow[], number] => {
    if (rows.length <= 1) return [rows, at];
    const next = rows.filter((_, i) => i !== at);
    return [next, Math.min(at, next.length - 1)];
  },
  move: (rows: EditorRow[], at: number, by: -1 | 1): [EditorRow[], number] => {
    const to = at + by;
    if (to < 0 || to >= rows.length) return [rows, at];
    const next = [...rows];
    [next[at], next[to]] = [next[to]!, next[at]!];
    return [next, to];
  },
  indent: (rows: EditorRow[], at: number): [EditorRow[], number] => {
    const prev = rows[at - 1];
    if (!prev || !rows[at]) return [rows, at];
    return [rows.map((r, i) => (i === at ? { ...r, level: Math.min(r.level + 1, prev.level + 1) } : r)), at];
  },
  outdent: (rows: EditorRow[], at: number): [EditorRow[], number] => {
    return [rows.map((r, i) => (i === at ? { ...r, level: Math.max(0, r.level - 1) } : r)), at];
  },
};
