import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { inboxStateLabels, inboxStateOf, type ImportResult, type InboxMessage } from '../../../../shared/domain/inbox';
import { formatDate, formatDateTime } from '../../../../shared/text/format-vi';
import { HandledCard } from './HandledCard';
import { useProgress } from '../../api/progress';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { useCheckMailbox, useImportDropped, useImportFiles, useInbox } from './queries';
import { MailboxCard } from './MailboxCard';
import { readDroppedFiles } from './read-dropped';
import { ReviewPanel } from './ReviewPanel';
import { MessageViewer } from './MessageViewer';
import { StatusFilter } from '../../ui/StatusFilter';
import { text } from './text';
import '../../ui/grid-modules';

type Filter = keyof typeof text.filters;

export function InboxScreen() {
  const inbox = useInbox();
  const importFiles = useImportFiles();
  const importDropped = useImportDropped();
  const checkMail = useCheckMailbox();
  const progress = useProgress('import');
  const [filter, setFilter] = useState<Filter>('all');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [showingMessage, setShowingMessage] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [skipped, setSkipped] = useState<string[]>([]);
  const busy = importFiles.isPending || importDropped.isPending || checkMail.isPending;
  const lastResults: ImportResult[] | null | undefined = checkMail.data ?? importDropped.data ?? importFiles.data;

  const messages = useMemo(() => inbox.data ?? [], [inbox.data]);
  const shown = messages.filter((m) => filter === 'all' || inboxStateOf(m) === filter);
  const selected = messages.find((m) => m.id === selectedId) ?? null;

  const columns = useMemo<ColDef<InboxMessage>[]>(
    () => [
      {
        colId: 'importedAt',
        headerName: text.col.importedAt,
        width: 150,
        valueGetter: (p) => formatDateTime(p.data?.importedAt),
      },
      {
        colId: 'sentAt',
        headerName: text.col.sentAt,
        width: 110,
        valueGetter: (p) => (p.data?.sentAt ? formatDate(p.data.sentAt) : ''),
      },
      {
        colId: 'from',
        headerName: text.col.from,
        flex: 1.2,
        minWidth: 180,
        valueGetter: (p) => p.data?.fromName ?? p.data?.fromAddress ?? '',
      },
      {
        colId: 'subject',
        headerName: text.col.subject,
        flex: 2,
        minWidth: 220,
        valueGetter: (p) => p.data?.subject ?? p.data?.fileName ?? '',
      },
      { field: 'unitName', headerName: text.col.unit, flex: 1, minWidth: 150 },
      { field: 'roundName', headerName: text.col.round, flex: 1.4, minWidth: 180 },
      {
        // Pinned: what is left to do with each message stays in view beside an open panel.
        colId: 'status',
        headerName: text.col.status,
        width: 120,
        pinned: 'left',
        valueGetter: (p) => (p.data ? inboxStateOf(p.data) : null),
        valueFormatter: (p) => (p.data ? inboxStateLabels[inboxStateOf(p.data)] : ''),
        cellClass: (p) => (p.data ? `inbox-${inboxStateOf(p.data)}` : ''),
      },
    ],
    [],
  );

  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if ((!e.dataTransfer.files.length && !e.dataTransfer.items.length) || busy) return;
    const { files, tooLarge } = await readDroppedFiles(e.dataTransfer);
    setSkipped(tooLarge);
    if (files.length > 0) importDropped.mutate(files);
  };

  return (
    <section
      className={`screen-fill${dragging ? ' dropping' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
      data-testid="inbox-drop-zone"
    >
      <h1>{text.title}</h1>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => importFiles.mutate('files')}>
          {busy ? text.importing : text.importFiles}
        </button>
        <button type="button" disabled={busy} onClick={() => importFiles.mutate('folder')}>
          {text.importFolder}
        </button>
        <button type="button" disabled={busy} onClick={() => checkMail.mutate()}>
          {text.checkMail}
        </button>
        {busy && progress && (
          <progress max={progress.total} value={progress.done} aria-label={text.progress}>
            {progress.done}/{progress.total}
          </progress>
        )}
        <span className="muted">{dragging ? text.dropActive : text.dropHint}</span>
      </div>
      <ErrorMessage error={inbox.error ?? importFiles.error ?? importDropped.error ?? checkMail.error} />
      <MailboxCard />
      {skipped.map((name) => (
        <div key={name} className="notice notice-warn">
          {text.tooLarge(name)}
        </div>
      ))}
      {lastResults && (
        <div className="notice notice-ok" role="status">
          <span data-testid="import-summary">{text.summary(lastResults)}</span>
          {lastResults.some((r) => r.status === 'duplicate') && (
            <div data-testid="import-duplicates">
              {text.duplicates}
              <ul>
                {lastResults
                  .filter((r) => r.status === 'duplicate')
                  .map((r) => (
                    <li key={r.file}>
                      {r.file}: {r.warnings.join(' ')}{' '}
                      {r.sameAs !== undefined && (
                        <button type="button" className="link-button" onClick={() => setSelectedId(r.sameAs!)}>
                          {text.showEarlier}
                        </button>
                      )}
                    </li>
                  ))}
              </ul>
            </div>
          )}
          {lastResults.some((r) => r.status === 'rejected') && (
            <ul>
              {lastResults
                .filter((r) => r.status === 'rejected')
                .map((r) => (
                  <li key={r.file}>{r.errors.join(' ')}</li>
                ))}
            </ul>
          )}
        </div>
      )}
      <StatusFilter
        items={(Object.keys(text.filters) as Filter[]).map((f) => ({
          key: f,
          label: text.filters[f],
          count: f === 'all' ? messages.length : messages.filter((m) => inboxStateOf(m) === f).length,
        }))}
        active={filter}
        onSelect={setFilter}
        testIdPrefix="inbox"
      />
      <div className="split">
        <div className="grid-box">
          <AgGridReact<InboxMessage>
            theme={gridTheme}
            rowData={shown}
            columnDefs={columns}
            getRowId={(p) => String(p.data.id)}
            localeText={text.grid}
            loading={inbox.isPending}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowClicked={(e) => {
              setSelectedId(e.data?.id ?? null);
              setShowingMessage(false);
            }}
            animateRows={false}
          />
        </div>
        {selected && (
          <aside
            className={`details${selected.status === 'needs-review' && !selected.handled ? ' reviewing' : ''}`}
            aria-label={text.details}
          >
            <h2>{selected.subject ?? selected.fileName}</h2>
            <p className="muted">
              {selected.fromName ?? ''} {selected.fromAddress ? `<${selected.fromAddress}>` : ''}
            </p>
            {selected.source !== 'file' && selected.sourceFileId !== null && (
              <button type="button" onClick={() => setShowingMessage((v) => !v)} aria-expanded={showingMessage}>
                {showingMessage ? text.message.hide : text.message.show}
              </button>
            )}
            {showingMessage && selected.source !== 'file' && selected.sourceFileId !== null && (
              <MessageViewer key={selected.id} fileId={selected.sourceFileId} />
            )}
            {selected.attachments.length > 0 && !showingMessage && (
              <>
                <h3>{text.attachments}</h3>
                <ul>
                  {selected.attachments.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </>
            )}
            {selected.notes.length > 0 && (
              <>
                <h3>{text.notes}</h3>
                <ul className="notes">
                  {selected.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </>
            )}
            {selected.status === 'needs-review' && !selected.handled && (
              <ReviewPanel key={selected.id} message={selected} />
            )}
            {(selected.status === 'needs-review' || selected.status === 'rejected') && (
              <HandledCard key={`handled-${selected.id}`} message={selected} />
            )}
          </aside>
        )}
      </div>
    </section>
  );
}
