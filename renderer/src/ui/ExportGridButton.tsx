import type { GridApi } from 'ag-grid-community';
import { useExportGrid } from '../app/queries';
import { cellString } from '../../../shared/text/cell-string';
import { ErrorMessage } from './ErrorMessage';
import { text } from './text';
import { SavedNotice } from './SavedNotice';

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
  const save = useExportGrid();
  return (
    <>
      <button
        type="button"
        onClick={() => {
          const api = getApi();
          if (api) save.mutate({ title, ...gridAsShown(api) });
        }}
        disabled={save.isPending}
      >
        {text.exportExcel}
      </button>
      {save.data && <SavedNotice path={save.data} />}
      {save.error ? <ErrorMessage error={save.error} /> : null}
    </>
  );
}
