import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { reminderLetter } from '../../../../shared/domain/round-letters';
import {
  submissionStatusLabels,
  submissionStatuses,
  type RoundSummary,
  type SubmissionEntry,
  type SubmissionStatus,
} from '../../../../shared/domain/rounds';
import { formatDate } from '../../../../shared/text/format-vi';
import { useProgress } from '../../api/progress';
import type { RoundMailKind } from '../../../../shared/domain/mail';
import { SendMailPanel } from '../mail/SendMailPanel';
import { useCopyText } from '../../app/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { useExportTemplates, useSubmissions } from './queries';
import { StatusFilter } from '../../ui/StatusFilter';
import { ExportGridButton } from '../../ui/ExportGridButton';
import { text } from './text';
import '../../ui/grid-modules';
import { SavedNotice } from '../../ui/SavedNotice';

type Filter = 'all' | SubmissionStatus | 'late';

export function CompletenessBoard({
  round,
  onOpenUnit,
}: {
  round: RoundSummary;
  onOpenUnit: (unitId: number) => void;
}) {
  const subs = useSubmissions(round.id);
  const exporter = useExportTemplates();
  const progress = useProgress('export-templates');
  const [filter, setFilter] = useState<Filter>('all');
  const [showReminder, setShowReminder] = useState(false);
  const [sending, setSending] = useState<RoundMailKind | null>(null);
  const copier = useCopyText();
  const grid = useRef<AgGridReact<SubmissionEntry>>(null);
  const entries = useMemo(() => subs.data?.entries ?? [], [subs.data]);

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: entries.length, late: entries.filter((e) => e.late).length } as Record<
      Filter,
      number
    >;
    for (const s of submissionStatuses) c[s] = entries.filter((e) => e.status === s).length;
    return c;
  }, [entries]);
  const shown = entries.filter((e) => filter === 'all' || (filter === 'late' ? e.late : e.status === filter));
  const missing = entries.filter((e) => e.status === 'expected');
  const reminder =
    missing.length > 0 && subs.data
      ? reminderLetter(
          round,
          missing.map((m) => m.unitName),
          subs.data.asOf,
        ).text
      : text.noneMissing;

  const columns = useMemo<ColDef<SubmissionEntry>[]>(
    () => [
      { field: 'unitCode', headerName: text.col.code, width: 100 },
      { field: 'unitName', headerName: text.col.unit, flex: 2, minWidth: 220 },
      {
        field: 'status',
        headerName: text.col.status,
        width: 150,
        valueFormatter: (p) => (p.data ? submissionStatusLabels[p.data.status] : ''),
        cellClass: (p) => `status status-${p.value as string}`,
      },
      {
        field: 'receivedAt',
        headerName: text.col.receivedAt,
        // Room for "08/07/2020 (sửa lại 10/07/2020)".
        width: 250,
        valueFormatter: (p) =>
          p.data?.correctedAt
            ? text.corrected(formatDate(p.value as string | null), formatDate(p.data.correctedAt))
            : formatDate(p.value as string | null),
        tooltipValueGetter: (p) => (p.data?.correctedAt ? text.correctedHelp : undefined),
      },
      {
        field: 'daysLate',
        headerName: text.col.daysLate,
        width: 110,
        cellClass: (p) => ((p.value as number) > 0 ? 'late' : ''),
        valueFormatter: (p) => ((p.value as number) > 0 ? String(p.value) : ''),
      },
      { field: 'revisions', headerName: text.col.revisions, width: 110 },
      {
        colId: 'emails',
        headerName: text.col.emails,
        flex: 2,
        minWidth: 200,
        valueGetter: (p) => (p.data?.unitEmails.length ? p.data.unitEmails.join(', ') : text.noEmail),
        cellClass: (p) => (p.data?.unitEmails.length ? '' : 'muted no-email'),
      },
    ],
    [],
  );

  const filters: Filter[] = ['all', 'expected', 'received', 'has-errors', 'checked', 'approved', 'late'];
  const exporting = exporter.isPending;

  return (
    <div className="screen-fill">
      <p className="muted">
        {text.header(round.periodLabel, formatDate(round.cutoffDate), formatDate(round.deadline))}
      </p>
      <StatusFilter
        items={filters.map((f) => ({ key: f, label: text.counts[f], count: counts[f] }))}
        active={filter}
        onSelect={setFilter}
        testIdPrefix="count"
      />
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => exporter.mutate(round.id)} disabled={exporting}>
          {exporting ? text.exporting : text.exportTemplates}
        </button>
        <button type="button" onClick={() => setSending(sending === 'forms' ? null : 'forms')}>
          {text.sendForms}
        </button>
        <button type="button" onClick={() => setSending(sending === 'reminder' ? null : 'reminder')}>
          {text.sendReminders}
        </button>
        <button type="button" onClick={() => setShowReminder(!showReminder)}>
          {text.reminder}
        </button>
        <ExportGridButton getApi={() => grid.current?.api} title={text.boardTitle(round.name)} />
        {exporting && progress && (
          <progress max={progress.total} value={progress.done} aria-label={progress.label}>
            {progress.done}/{progress.total}
          </progress>
        )}
      </div>
      <ErrorMessage error={subs.error ?? exporter.error ?? copier.error} />
      {exporter.data && (
        <SavedNotice
          path={exporter.data.folder}
          folderOnly
          message={text.exported(exporter.data.files.length, exporter.data.folder)}
        />
      )}
      {exporter.data && exporter.data.files.some((f) => f.to.length === 0) && (
        <div className="notice notice-warn" role="alert" data-testid="no-recipient">
          {text.noRecipient(exporter.data.files.filter((f) => f.to.length === 0).map((f) => f.unitName))}{' '}
          <a href="#/units">{text.goToUnits}</a>
        </div>
      )}
      {sending && <SendMailPanel key={sending} round={round} kind={sending} onClose={() => setSending(null)} />}
      {showReminder && (
        <div className="card compact">
          <strong>{text.reminderTitle}</strong>
          <textarea className="reminder" readOnly value={reminder} rows={7} aria-label={text.reminderTitle} />
          <button type="button" onClick={() => copier.mutate(reminder)}>
            {copier.isSuccess ? text.copied : text.copy}
          </button>
        </div>
      )}
      <div className="split">
        <div className="grid-box">
          <AgGridReact<SubmissionEntry>
            ref={grid}
            theme={gridTheme}
            rowData={shown}
            columnDefs={columns}
            getRowId={(p) => String(p.data.unitId)}
            localeText={text.grid}
            loading={subs.isPending}
            animateRows={false}
            onRowClicked={(e) => {
              if (e.data) onOpenUnit(e.data.unitId);
            }}
          />
        </div>
      </div>
    </div>
  );
}
