import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { changeHowLabels } from '../../../../shared/domain/submissions';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { formatDateTime, isIsoDate } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { useSubmissions } from '../rounds/queries';
import { useExportHistory, useHistory } from './queries';
import { text } from './text';

const t = text.history;
import '../../ui/grid-modules';
import { SavedNotice } from '../../ui/SavedNotice';

const figure = (v: unknown) => (typeof v === 'number' ? formatFigure(v, 'decimal') : ((v as string | null) ?? ''));

/** The audit log of figures, filtered by unit, indicator words and dates, exportable to Excel. */
export function HistoryView({ roundId }: { roundId: number }) {
  const subs = useSubmissions(roundId);
  const [allRounds, setAllRounds] = useState(false);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [indicatorQuery, setIndicatorQuery] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = {
    ...(allRounds ? {} : { roundId }),
    ...(unitId !== null ? { unitId } : {}),
    ...(indicatorQuery.trim() ? { indicatorQuery: indicatorQuery.trim() } : {}),
    ...(isIsoDate(from) ? { from } : {}),
    ...(isIsoDate(to) ? { to } : {}),
  };
  const history = useHistory(filter);
  const exporter = useExportHistory();
  const columns = useMemo<ColDef<HistoryEntry>[]>(
    () => [
      { field: 'at', headerName: t.col.at, width: 150, valueFormatter: (p) => formatDateTime(p.value as string) },
      ...(allRounds ? [{ field: 'roundName', headerName: t.col.round, width: 200 } as ColDef<HistoryEntry>] : []),
      { field: 'unitName', headerName: t.col.unit, width: 190 },
      { field: 'indicatorName', headerName: t.col.indicator, flex: 2, minWidth: 260, tooltipField: 'indicatorName' },
      {
        field: 'oldValue',
        headerName: t.col.old,
        width: 100,
        type: 'rightAligned',
        valueFormatter: (p) => figure(p.value),
      },
      {
        field: 'newValue',
        headerName: t.col.new,
        width: 100,
        type: 'rightAligned',
        valueFormatter: (p) => figure(p.value),
      },
      {
        field: 'how',
        headerName: t.col.how,
        width: 120,
        valueFormatter: (p) => changeHowLabels[p.value as keyof typeof changeHowLabels],
      },
      { field: 'fileName', headerName: t.col.file, width: 180 },
      { field: 'reason', headerName: t.col.reason, width: 200 },
    ],
    [allRounds],
  );
  return (
    <div className="screen-fill">
      <div className="toolbar wrap">
        <select
          aria-label={t.byUnit}
          value={unitId ?? ''}
          onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t.allUnits}</option>
          {subs.data?.entries.map((s) => (
            <option key={s.unitId} value={s.unitId}>
              {s.unitName}
            </option>
          ))}
        </select>
        <input
          className="search"
          type="search"
          placeholder={t.indicatorHint}
          aria-label={t.byIndicator}
          value={indicatorQuery}
          onChange={(e) => setIndicatorQuery(e.target.value)}
        />
        <label>
          {t.from} <input type="date" aria-label={t.from} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t.to} <input type="date" aria-label={t.toLabel} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={allRounds} onChange={(e) => setAllRounds(e.target.checked)} /> {t.allRounds}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => exporter.mutate(filter)} disabled={exporter.isPending}>
          {t.export}
        </button>
      </div>
      {exporter.data && (
        <SavedNotice path={exporter.data.path} message={t.exported(exporter.data.entries, exporter.data.path)} />
      )}
      <ErrorMessage error={history.error ?? exporter.error} />
      <div className="grid-box">
        <AgGridReact<HistoryEntry>
          theme={gridTheme}
          rowData={history.data}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          loading={history.isPending}
          animateRows={false}
          localeText={t.grid}
        />
      </div>
    </div>
  );
}
