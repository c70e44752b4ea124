import { useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { outgoingKindLabels, outgoingStatusLabels, type SentMail } from '../../../../shared/domain/mail';
import { formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ExportGridButton } from '../../ui/ExportGridButton';
import { gridTheme } from '../../ui/grid-theme';
import { useSentMail } from './queries';
import { text } from './text';
import '../../ui/grid-modules';

const t = text.sent;

/** A round's log of sent mail: every message, to whom, what came of it; exported to Excel as shown. */
export function SentMailView({ roundId, roundName }: { roundId: number; roundName: string }) {
  const sent = useSentMail(roundId);
  const grid = useRef<AgGridReact<SentMail>>(null);
  const columns = useMemo<ColDef<SentMail>[]>(
    () => [
      {
        colId: 'at',
        headerName: t.col.at,
        width: 150,
        valueGetter: (p) => formatDateTime(p.data?.sentAt ?? p.data?.createdAt),
      },
      {
        colId: 'kind',
        headerName: t.col.kind,
        width: 120,
        valueGetter: (p) => (p.data ? outgoingKindLabels[p.data.kind] : ''),
      },
      { field: 'unitName', headerName: t.col.unit, width: 190 },
      { colId: 'to', headerName: t.col.to, flex: 1, minWidth: 200, valueGetter: (p) => p.data?.to.join(', ') ?? '' },
      {
        colId: 'status',
        headerName: t.col.status,
        width: 140,
        valueGetter: (p) => (p.data ? outgoingStatusLabels[p.data.status] : ''),
        cellClass: (p) => (p.data ? `outbox-${p.data.status}` : ''),
        tooltipValueGetter: (p) => (p.data?.status === 'maybe-sent' ? t.maybeHelp : undefined),
      },
      { field: 'error', headerName: t.col.error, flex: 1.4, minWidth: 220, wrapText: true, autoHeight: true },
      { field: 'subject', headerName: t.col.subject, flex: 1.2, minWidth: 200 },
      { field: 'messageId', headerName: t.col.messageId, width: 220 },
    ],
    [],
  );
  return (
    <div className="screen-fill">
      <div className="toolbar">
        <span className="spacer" />
        <ExportGridButton getApi={() => grid.current?.api} title={t.gridTitle(roundName)} />
      </div>
      <ErrorMessage error={sent.error} />
      <div className="grid-box" data-testid="sent-mail">
        <AgGridReact<SentMail>
          ref={grid}
          theme={gridTheme}
          rowData={sent.data ?? []}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          loading={sent.isPending}
          localeText={t.grid}
          tooltipShowDelay={300}
          animateRows={false}
        />
      </div>
    </div>
  );
}
