import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellKeyDownEvent, ColDef, SuppressKeyboardEventParams } from 'ag-grid-community';
import { submissionStatusLabels } from '../../../../shared/domain/rounds';
import {
  allowedActions,
  workflowActionLabels,
  type ChangeKind,
  type SheetRow,
  type WorkflowAction,
} from '../../../../shared/domain/submissions';
import { EditStack, type FigureChange } from '../../../../shared/domain/edit-stack';
import { parsePastedBlock } from '../../../../shared/domain/paste-block';
import { formatDate, formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { formRowTextStyle } from '../../ui/form-row-style';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { CorrectionPanel } from './CorrectionPanel';
import { ExportGridButton } from '../../ui/ExportGridButton';
import { useChangeStatus, useSaveComment, useSaveValues, useSheet } from './queries';
import { text } from './text';
import '../../ui/grid-modules';
import { textLimits } from '../../../../shared/domain/limits';

/**
 * One unit's answer in one round, entered and checked as in Excel: typing replaces, Enter goes down,
 * Tab goes right, Delete clears, a block pasted from Excel or Word fills down from the focused cell,
 * Ctrl+Z / Ctrl+Y undo and redo. Every change is stored at once; the checks' findings show per row.
 */
export function SubmissionScreen({ roundId, unitId, onBack }: { roundId: number; unitId: number; onBack: () => void }) {
  const sheet = useSheet(roundId, unitId);
  const save = useSaveValues(roundId, unitId);
  const comment = useSaveComment(roundId, unitId);
  const workflow = useChangeStatus(roundId, unitId);
  const grid = useRef<AgGridReact<SheetRow>>(null);
  const stack = useRef(new EditStack());
  const [, setStackVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [showCorrection, setShowCorrection] = useState(false);

  const data = sheet.data;
  const locked = data?.locked ?? false;
  const lockedRef = useRef(locked);
  lockedRef.current = locked;

  /** Stores changes; a typed or pasted step is remembered for undo with the figures as stored. */
  async function apply(changes: FigureChange[], how: ChangeKind): Promise<void> {
    if (changes.length === 0) return;
    setNotice(null);
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
      setStackVersion((v) => v + 1);
    } catch {
      // The refusal is shown from save.error; nothing was stored.
    }
  }

  const undo = () => {
    const step = stack.current.peekUndo();
    if (step) void apply(step, 'undo');
  };
  const redo = () => {
    const step = stack.current.peekRedo();
    if (step) void apply(step, 'redo');
  };

  const onCellEditRequest = (e: CellEditRequestEvent<SheetRow>) => {
    const row = e.data;
    if (!row || row.indicatorId === null) return;
    if (e.colDef.colId === 'comment') {
      const next = typeof e.newValue === 'string' ? e.newValue : null;
      if ((next ?? '') !== (row.comment ?? '')) comment.mutate({ indicatorId: row.indicatorId, comment: next });
      return;
    }
    const typed = e.newValue === undefined || e.newValue === null ? '' : String(e.newValue);
    if (typed === formatFigure(row.value, row.valueType)) return;
    void apply([{ indicatorId: row.indicatorId, before: row.value, after: typed }], 'typed');
  };

  /** Delete clears the focused figure (not reported, not zero); in a locked report it is refused. */
  const suppressKeys = (p: SuppressKeyboardEventParams<SheetRow>) => {
    const key = p.event.key;
    if (p.editing || p.event.type !== 'keydown' || (key !== 'Delete' && key !== 'Backspace')) return false;
    const row = p.data;
    if (!row?.valueRow || row.indicatorId === null) return true;
    if (lockedRef.current) {
      setNotice(text.lockedRefusal);
      return true;
    }
    if (row.value !== null) void apply([{ indicatorId: row.indicatorId, before: row.value, after: null }], 'typed');
    return true;
  };

  const onCellKeyDown = (e: CellKeyDownEvent<SheetRow>) => {
    const ev = e.event as KeyboardEvent | null;
    if (!ev) return;
    const ctrl = ev.ctrlKey || ev.metaKey;
    if (ctrl && ev.key.toLowerCase() === 'z' && !ev.shiftKey) {
      ev.preventDefault();
      undo();
    } else if (ctrl && (ev.key.toLowerCase() === 'y' || (ev.key.toLowerCase() === 'z' && ev.shiftKey))) {
      ev.preventDefault();
      redo();
    } else if (
      lockedRef.current &&
      e.colDef.colId === 'value' &&
      e.data?.valueRow &&
      !ctrl &&
      (ev.key.length === 1 || ev.key === 'F2' || ev.key === 'Enter')
    ) {
      setNotice(text.lockedRefusal);
    }
  };

  /** A block copied from Excel or Word, pasted on a figure: fills down from there, all or none. */
  const onPaste = (e: React.ClipboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const api = grid.current?.api;
    const focused = api?.getFocusedCell();
    if (!api || !focused || focused.column.getColId() !== 'value') return;
    e.preventDefault();
    const block = parsePastedBlock(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const changes: FigureChange[] = [];
    for (let i = 0; i < block.length; i++) {
      const node = api.getDisplayedRowAtIndex(focused.rowIndex + i);
      const cell = block[i]![0] ?? '';
      if (!node?.data) {
        setNotice(text.pasteTooLong);
        return;
      }
      const row = node.data;
      if (!row.valueRow || row.indicatorId === null) {
        if (cell !== '') {
          setNotice(text.pasteOnHeading(row.numbering ?? String(row.row)));
          return;
        }
        continue;
      }
      if (cell !== formatFigure(row.value, row.valueType))
        changes.push({ indicatorId: row.indicatorId, before: row.value, after: cell });
    }
    void apply(changes, 'pasted').then(() => {
      if (block.some((r) => r.length > 1)) setNotice(text.pastedExtraColumns);
    });
  };

  const columns = useMemo<ColDef<SheetRow>[]>(
    () => [
      { field: 'numbering', headerName: text.col.numbering, width: 60 },
      {
        field: 'text',
        headerName: text.col.text,
        flex: 3,
        minWidth: 280,
        wrapText: true,
        autoHeight: true,
        cellStyle: (p) => formRowTextStyle(p.data),
      },
      { field: 'unit', headerName: text.col.unit, width: 100 },
      {
        colId: 'previous',
        headerName: text.col.previous(data?.previousPeriod ?? null),
        width: 110,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.previous ?? null,
        valueFormatter: (p) => (p.data?.valueRow ? formatFigure(p.value as number | null, p.data.valueType) : ''),
        cellClass: 'muted',
      },
      {
        colId: 'value',
        headerName: text.col.value,
        width: 120,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.value ?? null,
        valueFormatter: (p) => (p.data ? formatFigure(p.value as number | string | null, p.data.valueType) : ''),
        editable: (p) => !!p.data?.valueRow && !lockedRef.current,
        cellEditorParams: { useFormatter: true },
        suppressKeyboardEvent: suppressKeys,
        cellClass: (p) => {
          if (!p.data?.valueRow) return 'cell-heading';
          const worst = p.data.problems.some((x) => x.severity === 'error')
            ? 'cell-error'
            : p.data.problems.length > 0
              ? 'cell-warning'
              : '';
          return `cell-value ${worst} ${p.data.origin === 'manual' ? 'cell-manual' : ''}`;
        },
      },
      {
        colId: 'comment',
        headerName: text.col.comment,
        flex: 1,
        minWidth: 140,
        valueGetter: (p) => p.data?.comment ?? '',
        editable: (p) => !!p.data?.valueRow,
      },
      {
        colId: 'flags',
        headerName: text.col.flags,
        flex: 2,
        minWidth: 220,
        wrapText: true,
        autoHeight: true,
        valueGetter: (p) =>
          p.data?.problems
            .map((x) => `${x.severity === 'error' ? text.errorMark : text.warningMark} ${x.message}`)
            .join('\n') ?? '',
        cellClass: (p) => (p.data?.problems.some((x) => x.severity === 'error') ? 'flag-error' : 'flag-warning'),
        cellStyle: { whiteSpace: 'pre-line', lineHeight: '1.35', paddingTop: '6px', paddingBottom: '6px' },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change only when the previous period does; rebuilding them on every load would reset the grid's widths
    [data?.previousPeriod],
  );

  const problems = useMemo(
    () => [...(data?.rows.flatMap((r) => r.problems) ?? []), ...(data?.otherProblems ?? [])],
    [data],
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const actions = data ? allowedActions(data.status) : [];

  const runAction = (action: WorkflowAction) => {
    setNotice(null);
    workflow.reset();
    if ((action === 'unlock' || action === 'return') && asking !== action) {
      setAsking(action);
      setReason('');
      return;
    }
    workflow.mutate(
      { action, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setAsking(null) },
    );
  };

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
      <div className="toolbar">
        <button
          type="button"
          onClick={undo}
          disabled={!stack.current.canUndo || save.isPending || locked}
          title="Ctrl+Z"
        >
          {text.undo}
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={!stack.current.canRedo || save.isPending || locked}
          title="Ctrl+Y"
        >
          {text.redo}
        </button>
        <span className="muted" role="status" aria-live="polite">
          {save.isPending || comment.isPending ? text.saving : save.isSuccess ? text.saved : ''}
        </span>
        <span className="spacer" />
        <ExportGridButton getApi={() => grid.current?.api} title={data ? text.title(data.unitName) : text.figures} />
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'approve' ? 'primary' : undefined}
            onClick={() => runAction(a)}
            disabled={workflow.isPending}
          >
            {workflowActionLabels[a]}
          </button>
        ))}
        <button
          type="button"
          onClick={() => setShowCorrection(!showCorrection)}
          disabled={!data || data.status === 'expected'}
        >
          {text.correction}
        </button>
      </div>
      {asking && (
        <form
          className="card compact inline-form"
          aria-label={asking === 'unlock' ? text.reasonLabel : text.returnReasonLabel}
          onSubmit={(e) => {
            e.preventDefault();
            runAction(asking);
          }}
        >
          <label>
            {asking === 'unlock' ? text.reasonLabel : text.returnReasonLabel}
            <input
              className="wide"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={textLimits.reason}
              autoFocus
            />
          </label>
          <button type="submit" className="primary" disabled={workflow.isPending}>
            {text.confirm}: {workflowActionLabels[asking]}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {text.cancel}
          </button>
        </form>
      )}
      {locked && <div className="notice notice-ok">{text.lockedBanner}</div>}
      {notice && (
        <div className="notice notice-warn" role="alert">
          {notice}
        </div>
      )}
      <ErrorMessage error={sheet.error ?? save.error ?? comment.error ?? workflow.error} />
      {showCorrection && <CorrectionPanel roundId={roundId} unitId={unitId} />}
      <div className="checks-summary" aria-label={text.checks(errors, problems.length - errors)}>
        <strong>{text.checks(errors, problems.length - errors)}</strong>
        {problems.length > 0 && (
          <ul className="notes" data-testid="problems">
            {problems.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'flag-error' : 'flag-warning'}>
                {p.severity === 'error' ? text.errorMark : text.warningMark} {p.message}
              </li>
            ))}
          </ul>
        )}
        {data && data.events.length > 0 && (
          <details>
            <summary>
              {text.log} ({data.events.length})
            </summary>
            <ul className="notes" data-testid="events">
              {data.events.map((ev, i) => (
                <li key={i}>
                  {formatDateTime(ev.at)}: {workflowActionLabels[ev.action]} ({submissionStatusLabels[ev.fromStatus]} →{' '}
                  {submissionStatusLabels[ev.toStatus]}){ev.reason ? ` — ${ev.reason}` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="grid-box" onPaste={onPaste}>
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
