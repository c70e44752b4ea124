import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { ComparisonRow, PeriodComparison } from '../../../../shared/domain/comparison';
import type { RoundSummary } from '../../../../shared/domain/rounds';
import { parsePeriod } from '../../../../shared/domain/periods';
import { formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { formRowTextStyle } from '../../ui/form-row-style';
import { useCompareRounds, useSubmissions } from './queries';
import { useFormRules, useLinkIndicator } from '../forms/queries';
import { text } from './text';
import { ExportGridButton } from '../../ui/ExportGridButton';
import '../../ui/grid-modules';

const kindOf = (r: RoundSummary) => parsePeriod(r.periodCode)?.kind ?? null;

/** The same indicators across rounds of the same kind of period, with the change from each to the next. */
export function CompareView({ round, rounds }: { round: RoundSummary; rounds: RoundSummary[] }) {
  const candidates = useMemo(
    () => rounds.filter((r) => kindOf(r) === kindOf(round)).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)),
    [rounds, round],
  );
  const [chosen, setChosen] = useState<number[]>(() => candidates.slice(-5).map((r) => r.id));
  const [unitId, setUnitId] = useState<number | null>(null);
  const [boundaryDate, setBoundaryDate] = useState('');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? boundaryDate : null;
  const subs = useSubmissions(round.id);
  const ids = candidates.filter((r) => chosen.includes(r.id)).map((r) => r.id);
  const comparison = useCompareRounds(
    ids.length >= 2
      ? { roundIds: ids, ...(unitId !== null ? { unitId } : {}), ...(day ? { boundaryDate: day } : {}) }
      : null,
  );
  const t = text.compare;
  const c = comparison.data;
  const [linking, setLinking] = useState<ComparisonRow | null>(null);
  const grid = useRef<AgGridReact<ComparisonRow>>(null);
  const columns = useMemo<ColDef<ComparisonRow>[]>(() => {
    if (!c) return [];
    const cols: ColDef<ComparisonRow>[] = [
      { field: 'numbering', headerName: text.matrix.stt, width: 64, pinned: 'left' },
      {
        field: 'text',
        headerName: text.matrix.text,
        width: 360,
        pinned: 'left',
        tooltipField: 'text',
        cellStyle: (p) => ({ ...formRowTextStyle(p.data), whiteSpace: 'nowrap' }),
      },
      { field: 'unit', headerName: text.matrix.unit, width: 90 },
    ];
    c.rounds.forEach((r, i) => {
      cols.push({
        colId: `v${i}`,
        headerName: r.periodCode,
        width: 110,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.values[i] ?? null,
        valueFormatter: (p) => formatNumber(p.value as number | null),
      });
      if (i > 0) {
        cols.push({
          colId: `d${i}`,
          headerName: t.change(c.rounds[i - 1]!.periodCode),
          width: 120,
          type: 'rightAligned',
          valueGetter: (p) => p.data?.changes[i - 1]?.absolute ?? null,
          valueFormatter: (p) =>
            p.value === null ? '' : `${(p.value as number) > 0 ? '+' : ''}${formatNumber(p.value as number)}`,
        });
        cols.push({
          colId: `p${i}`,
          headerName: '%',
          width: 90,
          type: 'rightAligned',
          valueGetter: (p) => p.data?.changes[i - 1]?.percent ?? null,
          valueFormatter: (p) =>
            p.value === null ? '' : `${(p.value as number) > 0 ? '+' : ''}${formatNumber(p.value as number)}%`,
          cellClass: (p) =>
            (p.value as number | null) !== null && (p.value as number) < 0 ? 'change-down' : 'change-up',
        });
      }
    });
    cols.push({
      colId: 'notes',
      headerName: t.notes,
      width: 320,
      valueGetter: (p) => p.data?.notes.join(' ') ?? '',
      tooltipValueGetter: (p) => p.data?.notes.join('\n'),
    });
    return cols;
  }, [c, t]);

  return (
    <div className="screen-fill">
      <div className="toolbar wrap">
        <fieldset>
          <legend>{t.periods}</legend>
          {candidates.map((r) => (
            <label key={r.id} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(r.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((x) => x !== r.id))}
              />
              {r.periodCode}
            </label>
          ))}
        </fieldset>
        <label>
          {t.scope}{' '}
          <select
            aria-label={t.scopeLabel}
            value={unitId ?? ''}
            onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t.province}</option>
            {subs.data?.entries.map((s) => (
              <option key={s.unitId} value={s.unitId}>
                {s.unitName}
              </option>
            ))}
          </select>
        </label>
        <label title={t.boundariesHelp}>
          {text.matrix.boundaries}{' '}
          <input
            type="date"
            value={boundaryDate}
            onChange={(e) => setBoundaryDate(e.target.value)}
            aria-label={text.matrix.boundaries}
          />
        </label>
      </div>
      {c?.boundaryNote && (
        <p className="muted" data-testid="compare-boundary">
          {c.boundaryNote}
        </p>
      )}
      <div className="toolbar">
        <ExportGridButton getApi={() => grid.current?.api} title={t.gridTitle(c?.unitName ?? null)} />
      </div>
      {ids.length < 2 && <p className="muted">{t.pickTwo}</p>}
      <ErrorMessage error={comparison.error} />
      <div className="split">
        <div className="grid-box">
          <AgGridReact<ComparisonRow>
            ref={grid}
            onRowClicked={(e) =>
              setLinking(
                e.data?.valueRow &&
                  e.data.indicatorId !== null &&
                  c &&
                  c.rounds.some((r) => r.formId !== c.rounds.at(-1)!.formId)
                  ? e.data
                  : null,
              )
            }
            theme={gridTheme}
            rowData={c?.rows}
            columnDefs={columns}
            getRowId={(p) => String(p.data.row)}
            getRowClass={(p) => (p.data && !p.data.valueRow && p.data.level === 0 ? 'row-heading' : undefined)}
            loading={ids.length >= 2 && comparison.isPending}
            animateRows={false}
            localeText={text.matrix.grid}
          />
        </div>
        {linking && c && <LinkPanel row={linking} comparison={c} onClose={() => setLinking(null)} />}
      </div>
      {c && c.rounds.some((r) => r.formId !== c.rounds.at(-1)!.formId) && <p className="muted">{t.formChanged}</p>}
    </div>
  );
}

/** Links the newest form's indicator to the same indicator of an older form, so the periods compare. */
function LinkPanel({
  row,
  comparison,
  onClose,
}: {
  row: ComparisonRow;
  comparison: PeriodComparison;
  onClose: () => void;
}) {
  const newestForm = comparison.rounds.at(-1)!.formId;
  const olderForms = [
    ...new Map(comparison.rounds.filter((r) => r.formId !== newestForm).map((r) => [r.formId, r.periodCode])).entries(),
  ];
  const [formId, setFormId] = useState(olderForms[0]?.[0] ?? null);
  const options = useFormRules(formId);
  const [chosen, setChosen] = useState<number | null>(null);
  const link = useLinkIndicator();
  const linkTo = (sameAsId: number | null) =>
    link.mutate({ indicatorId: row.indicatorId!, sameAsId }, { onSuccess: onClose });
  const t = text.link;
  return (
    <aside className="details narrow-details" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p>
        <strong>{row.text}</strong> {row.unit ? `(${row.unit})` : ''}
      </p>
      {olderForms.length > 1 && (
        <select aria-label={t.olderForm} value={formId ?? ''} onChange={(e) => setFormId(Number(e.target.value))}>
          {olderForms.map(([id, period]) => (
            <option key={id} value={id}>
              {t.formOf(period)}
            </option>
          ))}
        </select>
      )}
      <label className="stacked-form">
        {t.isThis}
        <select
          aria-label={t.indicatorLabel}
          value={chosen ?? ''}
          onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t.choose}</option>
          {options.data?.indicators.map((i) => (
            <option key={i.indicatorId} value={i.indicatorId}>
              {i.row}. {i.text} {i.unit ? `(${i.unit})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={chosen === null || link.isPending}
          onClick={() => linkTo(chosen)}
        >
          {t.link}
        </button>
        <button type="button" onClick={() => linkTo(null)} disabled={link.isPending}>
          {t.unlink}
        </button>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <ErrorMessage error={link.error ?? options.error} />
    </aside>
  );
}
