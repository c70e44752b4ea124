/**
 * The floor of the matrix benchmark: AG Grid Community alone showing a round's cells (rows × units and
 * the total) from an array in the page, with the look the app gives its grids and the same columns
 * (pinned text, wrapped; figures right-aligned); nothing of the app (no React, no requests, no checks).
 */
import { AllCommunityModule, ModuleRegistry, createGrid, themeQuartz, type ColDef } from 'ag-grid-community';

interface FloorRow {
  numbering: string;
  text: string;
  unit: string;
  cells: string[];
}

declare global {
  interface Window {
    floorMatrix: { columns: string[]; rows: FloorRow[] };
  }
}

ModuleRegistry.registerModules([AllCommunityModule]);
const { columns, rows } = window.floorMatrix;
const last = columns.length - 1;
const columnDefs: ColDef<FloorRow>[] = [
  { field: 'numbering', headerName: 'STT', width: 52, pinned: 'left' },
  { field: 'text', headerName: 'Nội dung', width: 270, pinned: 'left', wrapText: true, autoHeight: true },
  { field: 'unit', headerName: 'Đơn vị tính', width: 64, pinned: 'left', wrapText: true, autoHeight: true },
  ...columns.map((label, i): ColDef<FloorRow> => ({
    colId: i === last ? 'total' : `u${i}`,
    headerName: label,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    type: 'rightAligned',
    valueGetter: (p) => p.data?.cells[i] ?? '',
    ...(i === last ? { width: 100, pinned: 'right' as const } : { flex: 1, minWidth: 62 }),
  })),
];
createGrid(document.getElementById('grid')!, {
  theme: themeQuartz.withParams({
    fontFamily: 'inherit',
    fontSize: 13,
    headerFontWeight: 600,
    rowHeight: 30,
    headerHeight: 36,
    cellHorizontalPadding: 6,
    accentColor: '#9b1c1c',
  }),
  columnDefs,
  rowData: rows,
  animateRows: false,
});
