import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ComparisonRow, PeriodComparison } from '../../../../shared/domain/comparison';
import type { RoundSummary } from '../../../../shared/domain/rounds';
import { parsePeriod } from '../../../../shared/domain/periods';
import { formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { formRowTextStyle } from '../../ui/form-row-style';
import { useSubmissions } from './queries';
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
  const comparison = useQuery({
    queryKey: ['compare', ids, unitId, day],
    queryFn: () =>
      call('rounds:compare', {
        roundIds: ids,
        ...(unitId !== null ? { unitId } : {}),
        ...(day ? { boundaryDate: day } : {}),
      }),
    enabled: ids.length >= 2,
  });
  const c = comparison.data;
  const [linking, setLinking] = useState<ComparisonRow | null>(null);
  const grid = useRef<AgGridReact<ComparisonRow>>(null);
  const columns = useMemo<ColDef<ComparisonRow>[]>(() => {
    if (!c) return [];
    const cols: ColDef<ComparisonRow>[] = [
      { field: 'numbering', headerName: 'STT', width: 64, pinned: 'left' },
      {
        field: 'text',
        headerName: 'Nội dung',
        width: 360,
        pinned: 'left',
        tooltipField: 'text',
        cellStyle: (p) => ({ ...formRowTextStyle(p.data), whiteSpace: 'nowrap' }),
      },
      { field: 'unit', headerName: 'ĐVT', width: 90 },
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
          headerName: `± so với ${c.rounds[i - 1]!.periodCode}`,
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
      headerName: 'Ghi chú',
      width: 320,
      valueGetter: (p) => p.data?.notes.join(' ') ?? '',
      tooltipValueGetter: (p) => p.data?.notes.join('\n'),
    });
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
          <select
            aria-label="Phạm vi so sánh"
            value={unitId ?? ''}
            onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">Toàn tỉnh (tổng hợp)</option>
            {subs.data?.entries.map((s) => (
              <option key={s.unitId} value={s.unitId}>
                {s.unitName}
              </option>
            ))}
          </select>
        </label>
        <label title="Để trống: mỗi kỳ theo đơn vị đã báo cáo. Chọn một ngày: số liệu mọi kỳ được quy đổi về các đơn vị của ngày đó (qua sáp nhập, chia tách), ví dụ so năm 2024 (cấp huyện) với năm 2026 (cấp xã).">
          Theo địa giới ngày{' '}
          <input
            type="date"
            value={boundaryDate}
            onChange={(e) => setBoundaryDate(e.target.value)}
            aria-label="Theo địa giới ngày"
          />
        </label>
      </div>
      {c?.boundaryNote && (
        <p className="muted" data-testid="compare-boundary">
          {c.boundaryNote}
        </p>
      )}
      <div className="toolbar">
        <ExportGridButton
          getApi={() => grid.current?.api}
          title={`So sánh số liệu các kỳ${c?.unitName ? ` - ${c.unitName}` : ''}`}
        />
      </div>
      {ids.length < 2 && <p className="muted">Chọn ít nhất hai kỳ cùng loại để so sánh.</p>}
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
            localeText={{ noRowsToShow: 'Không có dòng nào', loadingOoo: 'Đang tải…' }}
          />
        </div>
        {linking && c && <LinkPanel row={linking} comparison={c} onClose={() => setLinking(null)} />}
      </div>
      {c && c.rounds.some((r) => r.formId !== c.rounds.at(-1)!.formId) && (
        <p className="muted">
          Biểu mẫu đã thay đổi giữa các kỳ. Bấm vào một dòng để nối chỉ tiêu với chỉ tiêu tương ứng của biểu mẫu cũ.
        </p>
      )}
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
  const client = useQueryClient();
  const newestForm = comparison.rounds.at(-1)!.formId;
  const olderForms = [
    ...new Map(comparison.rounds.filter((r) => r.formId !== newestForm).map((r) => [r.formId, r.periodCode])).entries(),
  ];
  const [formId, setFormId] = useState(olderForms[0]?.[0] ?? null);
  const options = useQuery({
    queryKey: ['rules', formId],
    queryFn: () => call('forms:list-rules', { formId: formId! }),
    enabled: formId !== null,
  });
  const [chosen, setChosen] = useState<number | null>(null);
  const link = useMutation({
    mutationFn: (sameAsId: number | null) => call('forms:link-indicator', { indicatorId: row.indicatorId!, sameAsId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['compare'] });
      onClose();
    },
  });
  return (
    <aside className="details narrow-details" aria-label="Nối chỉ tiêu giữa các biểu mẫu">
      <h2>Nối chỉ tiêu giữa các biểu mẫu</h2>
      <p>
        <strong>{row.text}</strong> {row.unit ? `(${row.unit})` : ''}
      </p>
      {olderForms.length > 1 && (
        <select aria-label="Biểu mẫu cũ" value={formId ?? ''} onChange={(e) => setFormId(Number(e.target.value))}>
          {olderForms.map(([id, period]) => (
            <option key={id} value={id}>
              Biểu mẫu kỳ {period}
            </option>
          ))}
        </select>
      )}
      <label className="stacked-form">
        là chỉ tiêu này của biểu mẫu cũ:
        <select
          aria-label="Chỉ tiêu của biểu mẫu cũ"
          value={chosen ?? ''}
          onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">— chọn —</option>
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
          onClick={() => link.mutate(chosen)}
        >
          Nối
        </button>
        <button type="button" onClick={() => link.mutate(null)} disabled={link.isPending}>
          Bỏ nối
        </button>
        <button type="button" onClick={onClose}>
          Đóng
        </button>
      </div>
      <ErrorMessage error={link.error ?? options.error} />
    </aside>
  );
}
