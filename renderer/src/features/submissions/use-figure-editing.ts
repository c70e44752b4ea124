import { useRef, useState } from 'react';
import type { ChangeKind, SheetRow } from '../../../../shared/domain/submissions';
import { EditStack, type FigureChange } from '../../../../shared/domain/edit-stack';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { parsePastedBlock } from '../../../../shared/domain/paste-block';
import { useSaveValues } from './queries';
import { text } from './text';

/** What the clerk is told after a change: what happened, and to which figure (so the grid can go there). */
export interface EditNotice {
  kind: 'done' | 'refused' | 'info';
  message: string;
  /** The row the change concerns. */
  row: number | null;
  /** Undone or redone: the grid goes to the figure it changed, which may be far from where the clerk is. */
  reveal?: boolean;
}

/**
 * Entering figures as in Excel: a typed cell or a pasted block is one step, stored at once and kept for
 * undo with the figures as stored. A refused entry stores nothing and is not a step: the first Ctrl+Z
 * after it only drops it, so undo never reaches past what the clerk last saw to an earlier correction
 * without saying so. Every step, undone or redone, says which figure it changed.
 */
export function useFigureEditing(roundId: number, unitId: number, rows: readonly SheetRow[]) {
  const save = useSaveValues(roundId, unitId);
  const stack = useRef(new EditStack());
  const [, setVersion] = useState(0);
  const [notice, setNotice] = useState<EditNotice | null>(null);

  const rowOf = (indicatorId: number) => rows.find((r) => r.indicatorId === indicatorId) ?? null;
  const figure = (row: SheetRow | null, v: number | string | null) =>
    v === null || v === '' ? text.blank : row ? formatFigure(v, row.valueType) : String(v);

  /** "dòng «Cơ sở lưu trú…»: 40 → 45", or "5 số liệu, từ dòng «…»" for a block. */
  const describe = (changes: FigureChange[]) => {
    const first = rowOf(changes[0]!.indicatorId);
    if (changes.length === 1) {
      const c = changes[0]!;
      return text.edit.one(first?.text ?? '', figure(first, c.before), figure(first, c.after));
    }
    return text.edit.many(changes.length, first?.text ?? '');
  };

  /** Stores changes; a typed or pasted step is remembered for undo with the figures as stored. */
  async function apply(changes: FigureChange[], how: ChangeKind): Promise<void> {
    if (changes.length === 0) return;
    save.reset();
    try {
      const stored = await save.mutateAsync({
        how,
        changes: changes.map((c) => ({ indicatorId: c.indicatorId, value: c.after })),
      });
      const now = new Map(stored.rows.map((r) => [r.indicatorId, r.value]));
      const step = changes
        .map((c) => ({ ...c, after: now.get(c.indicatorId) ?? null }))
        .filter((c) => c.before !== c.after);
      if (how === 'undo') stack.current.undoApplied();
      else if (how === 'redo') stack.current.redoApplied();
      else stack.current.record(step);
      setVersion((v) => v + 1);
      const said = step.length > 0 ? step : changes;
      const message =
        how === 'undo'
          ? text.edit.undone(describe(said))
          : how === 'redo'
            ? text.edit.redone(describe(said))
            : step.length === 0
              ? text.edit.unchanged
              : text.edit.saved(describe(step));
      setNotice({
        kind: 'done',
        message,
        row: rowOf(said[0]!.indicatorId)?.row ?? null,
        reveal: how === 'undo' || how === 'redo',
      });
    } catch (e) {
      // Nothing was stored: the refusal is shown, and the entry is not a step of the history.
      const row = rowOf(changes[0]!.indicatorId);
      setNotice({ kind: 'refused', message: e instanceof Error ? e.message : String(e), row: row?.row ?? null });
    }
  }

  const undo = () => {
    if (notice?.kind === 'refused') {
      setNotice({ kind: 'info', message: text.edit.droppedRefused, row: notice.row });
      save.reset();
      return;
    }
    const step = stack.current.peekUndo();
    if (step) void apply(step, 'undo');
    else setNotice({ kind: 'info', message: text.edit.nothingToUndo, row: null });
  };
  const redo = () => {
    const step = stack.current.peekRedo();
    if (step) void apply(step, 'redo');
  };

  /** One typed figure (the cell's text as typed; blank clears it). */
  const typed = (row: SheetRow, value: string | null) => {
    if (row.indicatorId === null) return;
    if ((value ?? '') === formatFigure(row.value, row.valueType)) return;
    void apply([{ indicatorId: row.indicatorId, before: row.value, after: value }], 'typed');
  };

  /**
   * A block copied from Excel or Word, pasted from a row down the displayed rows: all or none. Heading
   * rows take nothing (a blank there is skipped); a block longer than the sheet is refused.
   */
  const pasted = (clipboard: string, displayed: (index: number) => SheetRow | null, fromIndex: number) => {
    const block = parsePastedBlock(clipboard);
    if (block.length === 0) return;
    const changes: FigureChange[] = [];
    for (let i = 0; i < block.length; i++) {
      const row = displayed(fromIndex + i);
      const cell = block[i]![0] ?? '';
      if (!row) return setNotice({ kind: 'refused', message: text.pasteTooLong, row: null });
      if (!row.valueRow || row.indicatorId === null) {
        if (cell !== '')
          return setNotice({
            kind: 'refused',
            message: text.pasteOnHeading(row.numbering ?? String(row.row)),
            row: row.row,
          });
        continue;
      }
      if (cell !== formatFigure(row.value, row.valueType))
        changes.push({ indicatorId: row.indicatorId, before: row.value, after: cell });
    }
    void apply(changes, 'pasted').then(() => {
      if (block.some((r) => r.length > 1))
        setNotice((n) => n && { ...n, message: `${n.message} ${text.pastedExtraColumns}` });
    });
  };

  return {
    save,
    notice,
    setNotice,
    undo,
    redo,
    typed,
    pasted,
    canUndo: stack.current.canUndo || notice?.kind === 'refused',
    canRedo: stack.current.canRedo,
  };
}
