import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
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

type Only = 'all' | 'problems';

/**
 * A round's figures, indicators × units, with subtotals and the province total; errors, warnings and
 * blanks of units that answered are marked; a click on a unit's figure shows where it came from.
 */
export function RoundMatrixView({ roundId, onOpenUnit }: { roundId: number; onOpenUnit: (unitId: number) => void }) {
  // "Theo địa giới ngày": the round's figures among the units of another day (read-only, no provenance per cell).
  const [boundaryDate, setBoundaryDate] = useState('');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? boundaryDate : null;
  const matrix = useQuery({
    queryKey: ['matrix', roundId, day],
    queryFn: () => call('rounds:get-matrix', { roundId, ...(day ? { boundaryDate: day } : {}) }),
  });
  const [query, setQuery] = useState('');
  const [only, setOnly] = useState<Only>('all');
  const [picked, setPicked] = useState<{ unitId: number; indicatorId: number } | null>(null);
  const grid = useRef<AgGridReact<MatrixRow>>(null);
  const m = matrix.data;
  const client = useQueryClient();
  const snapshots = useQuery({
    queryKey: ['matrix', roundId, 'snapshots'],
    queryFn: () => call('rounds:list-snapshots', { roundId }),
  });
  const freeze = useMutation({
    mutationFn: (note: string) => call('rounds:freeze', { roundId, note }),
    onSuccess: () => {
      setFreezing(false);
      setNote('');
      void client.invalidateQueries({ queryKey: ['matrix', roundId, 'snapshots'] });
    },
  });
  const exporter = useMutation({
    mutationFn: (input: { format: 'docx' | 'docx-template' | 'xlsx' | 'csv' | 'adx'; byUnit?: boolean }) =>
      call('rounds:export', { roundId, ...input, ...(day ? { boundaryDate: day } : {}) }),
  });
  const [freezing, setFreezing] = useState(false);
  const [note, setNote] = useState('');
  const sent = day ? null : (snapshots.data?.at(-1) ?? null);
  const sentTotals = useMemo(() => new Map((sent?.totals ?? []).map((t) => [t.indicatorId, t.value])), [sent]);

  const columns = useMemo<(ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[]>(() => {
    if (!m) return [];
    return [
      { field: 'numbering', headerName: 'STT', width: 64, pinned: 'left' },
      {
        field: 'text',
        headerName: 'Nội dung',
        width: 260,
        pinned: 'left',
        tooltipField: 'text',
        cellStyle: (p) => ({ ...formRowTextStyle(p.data), whiteSpace: 'nowrap' }),
      },
      { field: 'unit', headerName: 'ĐVT', width: 80, pinned: 'left' },
      ...m.columns.map((c, i): ColDef<MatrixRow> => ({
        colId: c.key,
        headerName: c.missing ? `${c.label} (chưa gửi)` : c.label,
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
              headerName: `Đã gửi ${formatDate(sent.takenAt)}`,
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
                p.data?.valueRow && (p.value ?? null) !== (p.data.cells.at(-1) ?? null)
                  ? 'Số liệu đã thay đổi sau khi gửi'
                  : undefined,
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

  return (
    <div className="screen-fill">
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder="Tìm chỉ tiêu (gõ không dấu cũng được)"
          aria-label="Tìm chỉ tiêu"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline nowrap">
          <input
            type="checkbox"
            checked={only === 'problems'}
            onChange={(e) => setOnly(e.target.checked ? 'problems' : 'all')}
          />
          Chỉ dòng có lỗi hoặc thiếu số liệu
        </label>
        <span className="spacer" />
        <select
          aria-label="Xuất số liệu"
          value=""
          disabled={exporter.isPending}
          onChange={(e) => {
            const [format, byUnit] = e.target.value.split(':') as [
              'docx' | 'docx-template' | 'xlsx' | 'csv' | 'adx',
              string | undefined,
            ];
            if (format) exporter.mutate({ format, byUnit: byUnit === 'units' });
          }}
        >
          <option value="">{exporter.isPending ? 'Đang xuất…' : 'Xuất…'}</option>
          <option value="docx">Phụ lục Word (toàn tỉnh)</option>
          <option value="docx:units">Phụ lục Word (từng đơn vị và toàn tỉnh)</option>
          <option value="docx-template">Phụ lục theo mẫu Word của cơ quan</option>
          <option value="xlsx">Sổ Excel (tổng hợp và từng đơn vị)</option>
          {!day && <option value="csv">CSV (DHIS2)</option>}
          {!day && <option value="adx">ADX (DHIS2)</option>}
        </select>
        <ExportGridButton getApi={() => grid.current?.api} title="Bảng tổng hợp số liệu" />
        <button type="button" className="nowrap" onClick={() => setFreezing(!freezing)} disabled={day !== null}>
          Chốt số liệu gửi cấp trên…
        </button>
      </div>
      <div className="toolbar">
        <label
          className="inline-label nowrap"
          title="Để trống: số liệu như các đơn vị đã gửi. Chọn một ngày: số liệu của đợt được quy đổi về các đơn vị của ngày đó (qua sáp nhập, chia tách), chỉ để xem và xuất."
        >
          Theo địa giới ngày
          <input
            type="date"
            value={boundaryDate}
            onChange={(e) => setBoundaryDate(e.target.value)}
            aria-label="Theo địa giới ngày"
          />
        </label>
        <span className="spacer" />
        <span className="legend">
          <span className="swatch cell-error">lỗi</span> <span className="swatch cell-warning">cảnh báo</span>{' '}
          <span className="swatch cell-missing">thiếu</span>
        </span>
      </div>
      {freezing && (
        <form
          className="card compact inline-form"
          aria-label="Chốt số liệu gửi cấp trên"
          onSubmit={(e) => {
            e.preventDefault();
            freeze.mutate(note);
          }}
        >
          <label>
            Gửi theo văn bản (số, ngày, nơi nhận)
            <input
              className="wide"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              placeholder="Báo cáo số 12/BC-UBND ngày 20/12/2025 gửi Bộ Công an"
            />
          </label>
          <button type="submit" className="primary" disabled={freeze.isPending}>
            Chốt số liệu
          </button>
          <span className="muted">
            Tổng toàn tỉnh lúc này được giữ nguyên; sửa số liệu sau đó không làm thay đổi bản đã gửi.
          </span>
        </form>
      )}
      {sent && (
        <p className="muted" data-testid="last-snapshot">
          Lần chốt gần nhất: {formatDateTime(sent.takenAt)} — {sent.note}
          {snapshots.data && snapshots.data.length > 1 ? ` (${snapshots.data.length} lần chốt)` : ''}
        </p>
      )}
      {m?.boundaryNote && (
        <p className="muted" data-testid="matrix-boundary">
          {m.boundaryNote}
        </p>
      )}
      {exporter.data && (
        <div className="notice notice-ok" role="status">
          Đã lưu: {exporter.data}
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
            localeText={{ noRowsToShow: 'Không có dòng nào', loadingOoo: 'Đang tải…' }}
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
