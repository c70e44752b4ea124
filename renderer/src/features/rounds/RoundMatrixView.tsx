import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { ExportFormat } from '../../../../shared/domain/appendix';
import type { MatrixColumn, MatrixRow } from '../../../../shared/domain/matrix';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { textLimits } from '../../../../shared/domain/limits';
import { foldText } from '../../../../shared/text/fold';
import { formatDate, formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ExportGridButton } from '../../ui/ExportGridButton';
import { MenuButton } from '../../ui/MenuButton';
import { SavedNotice } from '../../ui/SavedNotice';
import { formRowTextStyle } from '../../ui/form-row-style';
import { compactGridTheme } from '../../ui/grid-theme';
import { numericCellClass } from '../../ui/numeric-cell';
import { ProvenancePanel } from '../submissions/ProvenancePanel';
import { useOfficeDetailsCheck } from '../settings/OfficeDetailsCheck';
import { useExportRound, useFreezeRound, useRoundMatrix, useSnapshots } from './queries';
import { text } from './text';
import '../../ui/grid-modules';

type Only = 'all' | 'problems';
const t = text.matrix;

/** The menu's choices: a format, and for Word whether each unit gets a column. */
const exportChoices = [
  { key: 'docx', format: 'docx', byUnit: false },
  { key: 'docx:units', format: 'docx', byUnit: true },
  { key: 'docx-template', format: 'docx-template', byUnit: false },
  { key: 'xlsx', format: 'xlsx', byUnit: false },
  { key: 'csv', format: 'csv', byUnit: false },
  { key: 'adx', format: 'adx', byUnit: false },
] as const satisfies readonly { key: string; format: ExportFormat; byUnit: boolean }[];
/** Formats written with the Decree's header, which needs the office's details. */
const withHeader = new Set<ExportFormat>(['docx', 'docx-template', 'xlsx']);

function figureColumn(c: MatrixColumn, i: number): ColDef<MatrixRow> {
  return {
    colId: c.key,
    headerName: c.missing ? t.missing(c.label) : c.label,
    headerTooltip: c.label,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    // A class given here replaces the right-aligned type's own: it is named again.
    headerClass: [
      'ag-right-aligned-header',
      c.kind === 'unit' ? (c.missing ? 'head-missing' : '') : 'head-total',
    ].filter(Boolean),
    ...(c.kind === 'total' ? { width: 100, pinned: 'right' as const } : { flex: 1, minWidth: 62 }),
    type: 'rightAligned',
    valueGetter: (p) => p.data?.cells[i] ?? null,
    valueFormatter: (p) => formatFigure(p.value as number | string | null, 'decimal'),
    tooltipValueGetter: (p) => (c.kind === 'total' ? (p.data?.totalNote ?? undefined) : undefined),
    cellClass: (p) => {
      const flag = p.data?.flags[i];
      return numericCellClass(
        [
          c.kind !== 'unit' ? 'cell-total' : '',
          c.missing && p.data?.valueRow ? 'cell-unit-missing' : '',
          flag ? `cell-${flag}` : '',
        ].join(' '),
      );
    },
  };
}

/**
 * A round's figures, indicators × units, with subtotals and the province total; errors, warnings and
 * blanks of units that answered are marked; a click on a unit's figure shows where it came from, in a
 * panel laid over the grid's right side so the units stay in view. The indicator's text wraps whole,
 * the units share the width left, and figures sit right, under their headers.
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
  const officeCheck = useOfficeDetailsCheck();
  const [freezing, setFreezing] = useState(false);
  const [note, setNote] = useState('');
  const sent = day ? null : (snapshots.data?.at(-1) ?? null);
  const sentTotals = useMemo(() => new Map((sent?.totals ?? []).map((x) => [x.indicatorId, x.value])), [sent]);

  const columns = useMemo<(ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[]>(() => {
    if (!m) return [];
    return [
      { field: 'numbering', headerName: t.stt, width: 52, pinned: 'left' },
      {
        field: 'text',
        headerName: t.text,
        width: 270,
        pinned: 'left',
        tooltipField: 'text',
        wrapText: true,
        autoHeight: true,
        cellStyle: (p) => ({ ...formRowTextStyle(p.data), lineHeight: '1.3', paddingTop: 5, paddingBottom: 5 }),
      },
      {
        field: 'unit',
        headerName: t.unit,
        width: 64,
        pinned: 'left',
        wrapText: true,
        autoHeight: true,
        cellStyle: { lineHeight: '1.3', paddingTop: 5, paddingBottom: 5 },
      },
      ...m.columns.map(figureColumn),
      ...(sent
        ? [
            {
              colId: 'sent',
              headerName: t.sent(formatDate(sent.takenAt)),
              headerTooltip: sent.note,
              wrapHeaderText: true,
              autoHeaderHeight: true,
              width: 100,
              pinned: 'right',
              type: 'rightAligned',
              valueGetter: (p) => (p.data?.indicatorId != null ? (sentTotals.get(p.data.indicatorId) ?? null) : null),
              valueFormatter: (p) => formatFigure(p.value as number | null, 'decimal'),
              cellClass: (p) =>
                numericCellClass(
                  p.data?.valueRow && (p.value ?? null) !== (p.data.cells.at(-1) ?? null)
                    ? 'cell-total cell-changed'
                    : 'cell-total',
                ),
              tooltipValueGetter: (p) =>
                p.data?.valueRow && (p.value ?? null) !== (p.data.cells.at(-1) ?? null) ? t.changedSince : undefined,
            } satisfies ColDef<MatrixRow>,
          ]
        : []),
    ];
  }, [m, sent, sentTotals]);

  const folded = foldText(query);
  const shown = useMemo(
    () =>
      (m?.rows ?? []).filter(
        (r) =>
          (folded === '' || foldText(r.text).includes(folded)) && (only === 'all' || r.flags.some((f) => f !== null)),
      ),
    [m, folded, only],
  );

  const exportAs = (key: string) => {
    const choice = exportChoices.find((c) => c.key === key);
    if (!choice) return;
    const go = () =>
      exporter.mutate({
        roundId,
        format: choice.format,
        byUnit: choice.byUnit,
        ...(day ? { boundaryDate: day } : {}),
      });
    if (withHeader.has(choice.format)) officeCheck.run(go);
    else go();
  };

  return (
    <div className="screen-fill">
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder={t.searchShort}
          title={t.search}
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
        <MenuButton
          label={exporter.isPending ? t.exporting : t.export}
          disabled={exporter.isPending}
          items={exportChoices.map((c) => ({
            key: c.key,
            label: t.formats[c.key],
            hidden: day !== null && (c.format === 'csv' || c.format === 'adx'),
          }))}
          onChoose={exportAs}
        />
        <ExportGridButton getApi={() => grid.current?.api} title={t.gridTitle} />
        <button type="button" title={t.freezeHelp} onClick={() => setFreezing(!freezing)} disabled={day !== null}>
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
        <span className="muted help-inline">{t.boundariesShort}</span>
        <span className="spacer" />
        <span className="legend">
          <span className="swatch cell-error">{t.legend.error}</span>{' '}
          <span className="swatch cell-warning">{t.legend.warning}</span>{' '}
          <span className="swatch cell-missing">{t.legend.missing}</span>
        </span>
      </div>
      {officeCheck.notice}
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
      {exporter.data && <SavedNotice path={exporter.data} />}
      <ErrorMessage error={matrix.error ?? freeze.error ?? snapshots.error ?? exporter.error} />
      <div className="split overlay-host">
        <div className="grid-box" data-testid="matrix">
          <AgGridReact<MatrixRow>
            ref={grid}
            theme={compactGridTheme}
            rowData={shown}
            columnDefs={columns}
            getRowId={(p) => String(p.data.row)}
            getRowClass={(p) => (p.data && !p.data.valueRow && p.data.level === 0 ? 'row-heading' : undefined)}
            loading={matrix.isPending}
            animateRows={false}
            tooltipShowDelay={400}
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
            overlay
            refOf={{ roundId, ...picked }}
            onClose={() => setPicked(null)}
            onOpenUnit={() => onOpenUnit(picked.unitId)}
          />
        )}
      </div>
    </div>
  );
}
