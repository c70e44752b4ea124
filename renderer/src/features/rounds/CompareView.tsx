import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ComparisonRow } from '../../../../shared/domain/comparison';
import type { RoundSummary } from '../../../../shared/domain/rounds';
import { parsePeriod } from '../../../../shared/domain/periods';
import { formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { formRowTextStyle } from '../../ui/form-row-style';
import { useSubmissions } from './queries';
import '../../ui/grid-modules';

const kindOf = (r: RoundSummary) => parsePeriod(r.periodCode)?.kind ?? null;

/** The same indicators across rounds of the same kind of period, with the change from each to the next. */
export function CompareView({ round, rounds }: { round: RoundSummary; rounds: RoundSummary[] }) {
  const candidates = useMemo(() => rounds.filter((r) => kindOf(r) === kindOf(round)).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)), [rounds, round]);
  const [chosen, setChosen] = useState<number[]>(() => candidates.slice(-5).map((r) => r.id));
  const [unitId, setUnitId] = useState<number | null>(null);
  const subs = useSubmissions(round.id);
  const ids = candidates.filter((r) => chosen.includes(r.id)).map((r) => r.id);
  const comparison = useQuery({
    queryKey: ['compare', ids, unitId],
    queryFn: () => call('rounds:compare', { roundIds: ids, ...(unitId !== null ? { unitId } : {}) }),
    enabled: ids.length >= 2,
  });
  const c = comparison.data;
  const columns = useMemo<ColDef<ComparisonRow>[]>(() => {
    if (!c) return [];
    const cols: ColDef<ComparisonRow>[] = [
      { field: 'numbering', headerName: 'STT', width: 64, pinned: 'left' },
      { field: 'text', headerName: 'Nội dung', width: 360, pinned: 'left', tooltipField: 'text', cellStyle: (p) => ({ ...formRowTextStyle(p.data), whiteSpace: 'nowrap' }) },
      { field: 'unit', headerName: 'ĐVT', width: 90 },
    ];
    c.rounds.forEach((r, i) => {
      cols.push({ colId: `v${i}`, headerName: r.periodCode, width: 110, type: 'rightAligned', valueGetter: (p) => p.data?.values[i] ?? null, valueFormatter: (p) => formatNumber(p.value as number | null) });
      if (i > 0) {
        cols.push({
          colId: `d${i}`,
          headerName: `± so với ${c.rounds[i - 1]!.periodCode}`,
          width: 120,
          type: 'rightAligned',
          valueGetter: (p) => p.data?.changes[i - 1]?.absolute ?? null,
          valueFormatter: (p) => (p.value === null ? '' : `${(p.value as number) > 0 ? '+' : ''}${formatNumber(p.value as number)}`),
        });
        cols.push({
          colId: `p${i}`,
          headerName: '%',
          width: 90,
          type: 'rightAligned',
          valueGetter: (p) => p.data?.changes[i - 1]?.percent ?? null,
          valueFormatter: (p) => (p.value === null ? '' : `${(p.value as number) > 0 ? '+' : ''}${formatNumber(p.value as number)}%`),
          cellClass: (p) => ((p.value as number | null) !== null && (p.value as number) < 0 ? 'change-down' : 'change-up'),
        });
      }
    });
    cols.push({ colId: 'notes', headerName: 'Ghi chú', width: 320, valueGetter: (p) => p.data?.notes.join(' ') ?? '', tooltipValueGetter: (p) => p.data?.notes.join('\n') });
    return cols;
  }, [c]);

  return (
    <div className="screen-fill">
      <div className="toolbar wrap">
        <fieldset>
          <legend>Các kỳ so sánh</legend>
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
          Phạm vi{' '}
          <select aria-label="Phạm vi so sánh" value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Toàn tỉnh (tổng hợp)</option>
            {subs.data?.entries.map((s) => (
              <option key={s.unitId} value={s.unitId}>
                {s.unitName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ids.length < 2 && <p className="muted">Chọn ít nhất hai kỳ cùng loại để so sánh.</p>}
      <ErrorMessage error={comparison.error} />
      <div className="grid-box">
        <AgGridReact<ComparisonRow>
          theme={gridTheme}
          rowData={c?.rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.row)}
          getRowClass={(p) => (p.data && !p.data.valueRow && p.data.level === 0 ? 'row-heading' : undefined)}
          loading={ids.length >= 2 && comparison.isPending}
          animateRows={false}
          localeText={{ noRowsToShow: 'Không có dòng nào', loadingOoo: 'Đang tải…' }}
        />
      </div>
    </div>
  );
}
