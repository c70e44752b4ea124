import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellKeyDownEvent, SuppressKeyboardEventParams } from 'ag-grid-community';
import { submissionStatusLabels } from '../../../../shared/domain/rounds';
import type { SheetRow } from '../../../../shared/domain/submissions';
import { foldText } from '../../../../shared/text/fold';
import { formatDate } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { ExportGridButton } from '../../ui/ExportGridButton';
import { CorrectionPanel } from './CorrectionPanel';
import { ChecksSummary } from './ChecksSummary';
import { WorkflowActions } from './WorkflowActions';
import { sheetColumns } from './sheet-columns';
import { useFigureEditing } from './use-figure-editing';
import { useSaveComment, useSheet } from './queries';
import { text } from './text';
import '../../ui/grid-modules';

/**
 * One unit's answer in one round, entered and checked as in Excel: typing replaces, Enter goes down,
 * Tab goes right, Delete clears, a block pasted from Excel or Word fills down from the focused cell,
 * Ctrl+Z / Ctrl+Y undo and redo, each saying which figure it changed. Every change is stored at once;
 * the checks' findings take the clerk to their row, and the find box to any indicator.
 */
export function SubmissionScreen({ roundId, unitId, onBack }: { roundId: number; unitId: number; onBack: () => void }) {
  const sheet = useSheet(roundId, unitId);
  const data = sheet.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const editing = useFigureEditing(roundId, unitId, rows);
  const comment = useSaveComment(roundId, unitId);
  const grid = useRef<AgGridReact<SheetRow>>(null);
  const gridBox = useRef<HTMLDivElement>(null);
  const [showCorrection, setShowCorrection] = useState(false);
  const [lockFlash, setLockFlash] = useState(0);

  const locked = data?.locked ?? false;
  const lockedRef = useRef(locked);
  lockedRef.current = locked;

  /** Brings a row into view and marks it; with focus, puts the keyboard on its figure (to type at once). */
  const goTo = (row: number, focus = true) => {
    const api = grid.current?.api;
    const node = api?.getRowNode(String(row));
    if (!api || !node || node.rowIndex === null) return;
    api.ensureIndexVisible(node.rowIndex, 'middle');
    // The grid draws the rows now in view in its own next frames: focus and flash the row once drawn.
    window.setTimeout(() => {
      if (node.rowIndex === null) return;
      if (focus) {
        api.setFocusedCell(node.rowIndex, 'value');
        // The grid marks the cell as focused; the browser's focus goes there too, so typing goes to it.
        gridBox.current?.querySelector<HTMLElement>(`.ag-row[row-id="${row}"] .ag-cell[col-id="value"]`)?.focus();
      }
      api.flashCells({ rowNodes: [node], columns: ['value'] });
    }, 60);
  };
  // An undone or redone change is shown where it is: the grid goes to that figure.
  const revealRow = editing.notice?.reveal ? editing.notice.row : null;
  const revealKey = editing.notice?.message;
  useEffect(() => {
    if (revealRow !== null && revealKey) goTo(revealRow);
  }, [revealRow, revealKey]);

  const refuseLocked = () => setLockFlash((n) => n + 1);

  // Ctrl+Z / Ctrl+Y anywhere on the sheet, as in Excel, even when the keyboard is on no cell (after a
  // click elsewhere, or while an undone row is being brought into view). A text box keeps its own undo.
  const editingRef = useRef(editing);
  editingRef.current = editing;
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
      const t = ev.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      if (t instanceof HTMLElement && t.isContentEditable) return;
      const key = ev.key.toLowerCase();
      const isUndo = key === 'z' && !ev.shiftKey;
      const isRedo = key === 'y' || (key === 'z' && ev.shiftKey);
      if (!isUndo && !isRedo) return;
      ev.preventDefault();
      if (lockedRef.current) return refuseLocked();
      if (isUndo) editingRef.current.undo();
      else editingRef.current.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onCellEditRequest = (e: CellEditRequestEvent<SheetRow>) => {
    const row = e.data;
    if (!row || row.indicatorId === null) return;
    if (e.colDef.colId === 'comment') {
      const next = typeof e.newValue === 'string' ? e.newValue : null;
      if ((next ?? '') !== (row.comment ?? '')) comment.mutate({ indicatorId: row.indicatorId, comment: next });
      return;
    }
    editing.typed(row, e.newValue === undefined || e.newValue === null ? '' : String(e.newValue));
  };

  /** Delete clears the focused figure (not reported, not zero); in a locked report it is refused. */
  const suppressKeys = (p: SuppressKeyboardEventParams<SheetRow>) => {
    const key = p.event.key;
    if (p.editing || p.event.type !== 'keydown' || (key !== 'Delete' && key !== 'Backspace')) return false;
    const row = p.data;
    if (!row?.valueRow || row.indicatorId === null) return true;
    if (lockedRef.current) {
      refuseLocked();
      return true;
    }
    if (row.value !== null) editing.typed(row, null);
    return true;
  };

  const onCellKeyDown = (e: CellKeyDownEvent<SheetRow>) => {
    const ev = e.event as KeyboardEvent | null;
    if (!ev) return;
    const ctrl = ev.ctrlKey || ev.metaKey;
    if (
      lockedRef.current &&
      e.colDef.colId === 'value' &&
      e.data?.valueRow &&
      !ctrl &&
      (ev.key.length === 1 || ev.key === 'F2' || ev.key === 'Enter')
    ) {
      refuseLocked();
    }
  };

  /** A block copied from Excel or Word, pasted on a figure: fills down from there, all or none. */
  const onPaste = (e: React.ClipboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const api = grid.current?.api;
    const focused = api?.getFocusedCell();
    if (!api || !focused || focused.column.getColId() !== 'value') return;
    e.preventDefault();
    if (lockedRef.current) return refuseLocked();
    editing.pasted(
      e.clipboardData.getData('text/plain'),
      (i) => api.getDisplayedRowAtIndex(i)?.data ?? null,
      focused.rowIndex,
    );
  };

  const columns = useMemo(
    () =>
      sheetColumns({ previousPeriod: data?.previousPeriod ?? null, isLocked: () => lockedRef.current, suppressKeys }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change only when the previous period does; rebuilding them on every load would reset the grid's widths
    [data?.previousPeriod],
  );

  const notice = editing.notice;
  return (
    <section className="screen-fill" aria-label={data ? text.title(data.unitName) : undefined}>
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {text.back}
        </button>
        <h1 className="inline-title">{data ? text.title(data.unitName) : '…'}</h1>
        {data && (
          <span className={`status-badge status-${data.status}`} data-testid="submission-status">
            {submissionStatusLabels[data.status]}
            {data.receivedAt ? ` · ${text.received(formatDate(data.receivedAt))}` : ''}
          </span>
        )}
      </div>
      {data && (
        <p className="muted">
          {data.roundName.includes(data.periodLabel) ? data.roundName : `${data.roundName} · ${data.periodLabel}`}
        </p>
      )}
      <div className="toolbar wrap">
        <button
          type="button"
          onClick={editing.undo}
          disabled={!editing.canUndo || editing.save.isPending || locked}
          title="Ctrl+Z"
        >
          {text.undo}
        </button>
        <button
          type="button"
          onClick={editing.redo}
          disabled={!editing.canRedo || editing.save.isPending || locked}
          title="Ctrl+Y"
        >
          {text.redo}
        </button>
        <FindInSheet rows={rows} onReveal={(row) => goTo(row, false)} onChoose={(row) => goTo(row)} />
        <span className="spacer" />
        <ExportGridButton getApi={() => grid.current?.api} title={data ? text.title(data.unitName) : text.figures} />
        {data && <WorkflowActions sheet={data} roundId={roundId} unitId={unitId} />}
        <button
          type="button"
          onClick={() => setShowCorrection(!showCorrection)}
          disabled={!data || data.status === 'expected'}
        >
          {text.correction}
        </button>
      </div>
      <div className="edit-status" role="status" aria-live="polite" data-testid="edit-status">
        {editing.save.isPending || comment.isPending
          ? text.saving
          : notice && notice.kind !== 'refused'
            ? notice.message
            : ''}
      </div>
      {locked && (
        <div
          key={lockFlash}
          className={`notice notice-ok ${lockFlash > 0 ? 'flash' : ''}`}
          role={lockFlash > 0 ? 'alert' : 'note'}
        >
          {text.lockedBanner}
        </div>
      )}
      {notice?.kind === 'refused' && (
        <div className="notice notice-error" role="alert">
          {notice.message}
        </div>
      )}
      <ErrorMessage error={sheet.error ?? comment.error} />
      {showCorrection && <CorrectionPanel roundId={roundId} unitId={unitId} />}
      {data && <ChecksSummary sheet={data} onGoTo={goTo} />}
      <div className="grid-box" onPaste={onPaste} ref={gridBox}>
        <AgGridReact<SheetRow>
          ref={grid}
          theme={gridTheme}
          rowData={data?.rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.row)}
          getRowClass={(p) => (p.data && !p.data.valueRow && p.data.level === 0 ? 'row-heading' : undefined)}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellKeyDown={onCellKeyDown}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          localeText={text.grid}
          loading={sheet.isPending}
          animateRows={false}
        />
      </div>
    </section>
  );
}

/**
 * Finds an indicator by a few of its words (diacritics optional): the first found is shown as the clerk
 * types, Enter shows the next (Shift+Enter the one before), Escape puts the keyboard on the figure shown.
 * Ctrl+F anywhere on the screen comes here.
 */
function FindInSheet({
  rows,
  onReveal,
  onChoose,
}: {
  rows: readonly SheetRow[];
  onReveal: (row: number) => void;
  onChoose: (row: number) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const words = foldText(query).split(' ').filter(Boolean);
  const found =
    words.length === 0
      ? []
      : rows.filter((r) => {
          const key = foldText(`${r.numbering ?? ''} ${r.text}`);
          return words.every((w) => key.includes(w));
        });
  const first = found[0]?.row ?? null;
  useEffect(() => {
    if (first !== null) onReveal(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reveal the first found when what is found changes, not when the callback's identity does
  }, [first, query]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <span className="find-box">
      <input
        ref={input}
        type="search"
        className="search"
        aria-label={text.find.label}
        placeholder={text.find.placeholder}
        title={text.find.hint}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (found.length === 0) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            const next = (at + (e.shiftKey ? found.length - 1 : 1)) % found.length;
            setAt(next);
            onReveal(found[next]!.row);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onChoose(found[at]!.row);
          }
        }}
      />
      {words.length > 0 && (
        <span className="muted find-count" data-testid="find-count">
          {text.find.count(found.length === 0 ? 0 : at + 1, found.length)}
        </span>
      )}
    </span>
  );
}
