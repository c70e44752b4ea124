import { useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellValueChangedEvent, ColDef, GridApi } from 'ag-grid-community';
import { childRuleLabels, childRules, valueTypeLabels, valueTypes } from '../../../../shared/domain/forms';
import { gridTheme } from '../../ui/grid-theme';
import { edits, type EditorRow } from './editor-rows';
import { text } from './text';
import '../../ui/grid-modules';
import { formRowTextStyle } from '../../ui/form-row-style';

/**
 * Edits a form's rows in AG Grid: text, numbering, unit and type in the cells; add, delete, move,
 * indent and outdent from the toolbar, acting on the focused row. The tree is shown by indentation.
 */
export function FormRowsEditor({ rows, onChange }: { rows: EditorRow[]; onChange: (rows: EditorRow[]) => void }) {
  const api = useRef<GridApi<EditorRow> | null>(null);

  const columns = useMemo<ColDef<EditorRow>[]>(
    () => [
      {
        colId: 'row',
        headerName: text.col.row,
        width: 60,
        valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1,
        editable: false,
      },
      { field: 'numbering', headerName: text.col.numbering, width: 80, editable: true },
      {
        field: 'text',
        headerName: text.col.text,
        flex: 3,
        minWidth: 320,
        editable: true,
        wrapText: true,
        autoHeight: true,
        cellStyle: (p) => formRowTextStyle(p.data),
      },
      { field: 'unit', headerName: text.col.unit, width: 140, editable: (p) => !!p.data?.valueRow },
      { field: 'valueRow', headerName: text.col.valueRow, width: 110, editable: true, cellDataType: 'boolean' },
      {
        field: 'valueType',
        headerName: text.col.valueType,
        width: 140,
        editable: (p) => !!p.data?.valueRow,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...valueTypes] },
        valueFormatter: (p) => (p.data?.valueRow ? valueTypeLabels[p.data.valueType] : ''),
      },
      {
        field: 'childRule',
        headerName: text.col.childRule,
        width: 190,
        editable: (p) => !!p.data?.valueRow,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...childRules] },
        valueFormatter: (p) =>
          p.data?.valueRow && p.data.childRule !== 'none' ? childRuleLabels[p.data.childRule] : '',
      },
      {
        colId: 'notes',
        headerName: text.col.notes,
        flex: 1,
        minWidth: 160,
        valueGetter: (p) => p.data?.notes.join(' '),
        editable: false,
      },
    ],
    [],
  );

  const focused = () => api.current?.getFocusedCell()?.rowIndex ?? -1;
  const apply = (move: (rows: EditorRow[], at: number) => [EditorRow[], number]) => {
    const at = focused();
    if (at < 0) return;
    const [next, focus] = move(rows, at);
    onChange(next);
    requestAnimationFrame(() => api.current?.setFocusedCell(focus, 'text'));
  };

  const onCellValueChanged = (e: CellValueChangedEvent<EditorRow>) => {
    const i = e.node.rowIndex ?? -1;
    if (i < 0 || !e.data) return;
    const data = { ...e.data, notes: [] as string[] };
    onChange(rows.map((r, k) => (k === i ? data : r)));
  };

  return (
    <div className="editor">
      <div className="toolbar" role="toolbar" aria-label={text.editRows}>
        <button type="button" onClick={() => apply(edits.add)}>
          {text.actions.add}
        </button>
        <button type="button" onClick={() => apply(edits.remove)}>
          {text.actions.remove}
        </button>
        <button type="button" onClick={() => apply((r, a) => edits.move(r, a, -1))}>
          {text.actions.up}
        </button>
        <button type="button" onClick={() => apply((r, a) => edits.move(r, a, 1))}>
          {text.actions.down}
        </button>
        <button type="button" onClick={() => apply(edits.outdent)}>
          {text.actions.outdent}
        </button>
        <button type="button" onClick={() => apply(edits.indent)}>
          {text.actions.indent}
        </button>
      </div>
      <div className="grid-box">
        <AgGridReact<EditorRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.uid}
          localeText={text.grid}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onCellValueChanged={onCellValueChanged}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          animateRows={false}
          rowClassRules={{ 'row-heading': (p) => !p.data?.valueRow }}
        />
      </div>
    </div>
  );
}
