import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useExportRound, useFreezeRound, useRoundMatrix, useSnapshots } from './queries';
import { text } from './text';
import type { MatrixRow } from '../../../../shared/domain/matrix';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { foldText } from '../../../../shared/text/fold';
import { formatDate, formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { formRowTextStyle } from '../../ui/form-row-style';
import { ProvenancePanel } from '../submissions/ProvenancePanel';
import { ExportGridButton } from '../../ui/ExportGridButton';
import '../../ui/grid-modules';
import { textLimits } from '../../../../shared/domain/limits';

type Only = 'all' | 'problems';

/**
 * A round's figures, indicators × units, with subtotals and the province total; errors, warnings and
 * blanks of units that answered are marked; a click on a unit's figure shows where it came from.
 */
export function RoundMatrixView({ roundId, onOpenUnit }: { roundId: number; onOpenUnit: (unitId: number) => void }) {
  // "Theo địa giới ngày": the round's figures among the units of another day (read-only, no provenance per cell).
  const [boundaryDate, setBoundaryDate] = useState('');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? boundaryDate : null;
  const matrix = useRoundMatrix(roundId, day);
  const [query, setQuery] = useState('');
  const [only, setOnly] = useState<Only>('all');
  const [picked, setPicked] = useState<{ unitId: number; indicatorId: number } | null>(null);
  const grid = useRef<AgGridReact<MatrixRow>>(null);
  const m = matrix.data;
  const snapshots = useSnapshots(roundId);
  const freeze = useFreezeRound(roundId);
  const exporter = useExportRound();
  const t = text.matrix;
  const [freezing, setFreezing] = useState(false);
  const [note, setNote] = useState('');
  const sent = day ? null : (snapshots.data?.at(-1) ?? null);
  const sentTotals = useMemo(() => new Map((sent?.totals ?? []).map((t) => [t.indicatorId, t.value])), [sent]);

  const columns = useMemo<(ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[]>(() => {
    if (!m) return [];
    return [
      { field: 'numbering', headerName: t.stt, width: 64, pinned: 'left' },
      {
        field: 'text',
        headerName: t.text,
        width: 260,
        pinned: 'left',
        tooltipField: 'text',
        cellStyle: (p) => ({ ...formRowTextStyle(p.data), whiteSpace: 'nowrap' }),
      },
      { field: 'unit', headerName: t.unit, width: 80, pinned: 'left' },
      ...m.columns.map((c, i): ColDef<MatrixRow> => ({
        colId: c.key,
        headerName: c.missing ? t.missing(c.label) : c.label,
        headerTooltip: c.label,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        headerClass: c.kind === 'unit' ? (c.missing ? 'head-missing' : undefined) : 'head-total',
        width: c.kind === 'total' ? 120 : 110,
        pinned: c.kind === 'total' ? 'right' : undefined,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.cells[i] ?? null,
        valueFormatter: (p) => formatFigure(p.value as number | string | null, 'decimal'),
        tooltipValueGetter: (p) => (c.kind === 'total' ? (p.data?.totalNote ?? undefined) : undefined),
        cellClass: (p) => {
          const flag = p.data?.flags[i];
          return [
            c.kind !== 'unit' ? 'cell-total' : '',
            c.missing && p.data?.valueRow ? 'cell-unit-missing' : '',
            flag ? `cell-${flag}` : '',
          ].join(' ');
        },
      })),
      ...(sent
        ? [
            {
              colId: 'sent',
              headerName: t.sent(formatDate(sent.takenAt)),
              headerTooltip: sent.note,
              width: 130,
              pinned: 'right',
              type: 'rightAligned',
              valueGetter: (p) => (p.data?.indicatorId != null ? (sentTotals.get(p.data.indicatorId) ?? null) : null),
              valueFormatter: (p) => formatFigure(p.value as number | null, 'decimal'),
              cellClass: (p) =>
                p.data?.valueRow && (p.value ?? null) !== (p.data.cells.at(-1) ?? null)
                  ? 'cell-total cell-changed'
                  : 'cell-total',
              tooltipValueGetter: (p) =>
                p.data?.valueRow && (p.value ?? null) !== (p.data.cells.at(-1) ?? null) ? t.changedSince : undefined,
            } satisfies ColDef<MatrixRow>,
          ]
        : []),
    ];
  }, [m, sent, sentTotals, t]);

  const folded = foldText(query);
  const shown = useMemo(
    () =>
      (m?.rows ?? []).filter(
        (r) =>
          (folded === '' || foldText(r.text).includes(folded)) && (only === 'all' || r.flags.some((f) => f !== null)),
      ),
    [m, folded, only],
  );

  return (
    <div className="screen-fill">
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder={t.search}
          aria-label={t.searchLabel}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline nowrap">
          <input
            type="checkbox"
            checked={only === 'problems'}
            onChange={(e) => setOnly(e.target.checked ? 'problems' : 'all')}
          />
          {t.onlyProblems}
        </label>
        <span className="spacer" />
        <select
          aria-label={t.exportLabel}
          value=""
          disabled={exporter.isPending}
          onChange={(e) => {
            const [format, byUnit] = e.target.value.split(':') as [
              'docx' | 'docx-template' | 'xlsx' | 'csv' | 'adx',
              string | undefined,
            ];
            if (format)
              exporter.mutate({ roundId, format, byUnit: byUnit === 'units', ...(day ? { boundaryDate: day } : {}) });
          }}
        >
          <option value="">{exporter.isPending ? t.exporting : t.export}</option>
          <option value="docx">{t.formats.docx}</option>
          <option value="docx:units">{t.formats['docx:units']}</option>
          <option value="docx-template">{t.formats['docx-template']}</option>
          <option value="xlsx">{t.formats.xlsx}</option>
          {!day && <option value="csv">{t.formats.csv}</option>}
          {!day && <option value="adx">{t.formats.adx}</option>}
        </select>
        <ExportGridButton getApi={() => grid.current?.api} title={t.gridTitle} />
        <button type="button" className="nowrap" onClick={() => setFreezing(!freezing)} disabled={day !== null}>
          {t.freeze}
        </button>
      </div>
      <div className="toolbar">
        <label className="inline-label nowrap" title={t.boundariesHelp}>
          {t.boundaries}
          <input
            type="date"
            value={boundaryDate}
            onChange={(e) => setBoundaryDate(e.target.value)}
            aria-label={t.boundaries}
          />
        </label>
        <span className="spacer" />
        <span className="legend">
          <span className="swatch cell-error">{t.legend.error}</span>{' '}
          <span className="swatch cell-warning">{t.legend.warning}</span>{' '}
          <span className="swatch cell-missing">{t.legend.missing}</span>
        </span>
      </div>
      {freezing && (
        <form
          className="card compact inline-form"
          aria-label={t.freezeTitle}
          onSubmit={(e) => {
            e.preventDefault();
            freeze.mutate(note, {
              onSuccess: () => {
                setFreezing(false);
                setNote('');
              },
            });
          }}
        >
          <label>
            {t.freezeNote}
            <input
              className="wide"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={textLimits.reason}
              placeholder={t.freezeNoteHint}
            />
          </label>
          <button type="submit" className="primary" disabled={freeze.isPending}>
            {t.freezeSubmit}
          </button>
          <span className="muted">{t.freezeHelp}</span>
        </form>
      )}
      {sent && (
        <p className="muted" data-testid="last-snapshot">
          {t.lastSnapshot(formatDateTime(sent.takenAt), sent.note, snapshots.data?.length ?? 0)}
        </p>
      )}
      {m?.boundaryNote && (
        <p className="muted" data-testid="matrix-boundary">
          {m.boundaryNote}
        </p>
      )}
      {exporter.data && (
        <div className="notice notice-ok" role="status">
          {t.saved(exporter.data)}
        </div>
      )}
      <ErrorMessage error={matrix.error ?? freeze.error ?? snapshots.error ?? exporter.error} />
      <div className="split">
        <div className="grid-box" data-testid="matrix">
          <AgGridReact<MatrixRow>
            ref={grid}
            theme={gridTheme}
            rowData={shown}
            columnDefs={columns}
            getRowId={(p) => String(p.data.row)}
            getRowClass={(p) => (p.data && !p.data.valueRow && p.data.level === 0 ? 'row-heading' : undefined)}
            loading={matrix.isPending}
            animateRows={false}
            localeText={t.grid}
            onCellClicked={(e) => {
              const col = m?.columns.find((c) => c.key === e.column.getColId());
              if (!day && col?.kind === 'unit' && e.data?.valueRow && e.data.indicatorId !== null)
                setPicked({ unitId: col.unitId!, indicatorId: e.data.indicatorId });
            }}
          />
        </div>
        {picked && (
          <ProvenancePanel
            refOf={{ roundId, ...picked }}
            onClose={() => setPicked(null)}
            onOpenUnit={() => onOpenUnit(picked.unitId)}
          />
        )}
      </div>
    </div>
  );
}
