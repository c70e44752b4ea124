import { useMutation } from '@tanstack/react-query';
import type { GridApi } from 'ag-grid-community';
import { call } from '../api/client';
import { cellString } from '../../../shared/text/cell-string';
import { ErrorMessage } from './ErrorMessage';

/** What a grid shows, as the user sees it: displayed columns in order, rows after filter and sort, the texts shown. */
export function gridAsShown<T>(api: GridApi<T>): {
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
} {
  const columns = api.getAllDisplayedColumns();
  const rows: (string | number | null)[][] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    rows.push(
      columns.map((col) => {
        const raw: unknown = api.getCellValue({ rowNode: node, colKey: col });
        if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
        const shown: unknown = api.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
        return shown === null || shown === undefined ? null : cellString(shown).slice(0, 5000);
      }),
    );
  });
  return {
    columns: columns.map((c) => ({ header: c.getColDef().headerName ?? c.getColId(), width: c.getActualWidth() })),
    rows,
  };
}

/** "Xuất Excel" for any grid: the rows and columns as shown, saved where the user chooses. */
export function ExportGridButton<T>({ getApi, title }: { getApi: () => GridApi<T> | null | undefined; title: string }) {
  const save = useMutation({
    mutationFn: () => {
      const api = getApi();
      if (!api) return Promise.resolve(null);
      return call('app:export-grid', { title, ...gridAsShown(api) });
    },
  });
  return (
    <>
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
        Xuất Excel…
      </button>
      {save.data && (
        <span className="muted" role="status">
          Đã lưu: {save.data}
        </span>
      )}
      {save.error ? <ErrorMessage error={save.error} /> : null}
    </>
  );
}
