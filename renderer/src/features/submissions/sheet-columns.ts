import type { ColDef, SuppressKeyboardEventParams } from 'ag-grid-community';
import type { SheetRow } from '../../../../shared/domain/submissions';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { formRowTextStyle } from '../../ui/form-row-style';
import { numericCellClass } from '../../ui/numeric-cell';
import { text } from './text';

/** The columns of a unit's sheet; `isLocked` is read when a cell asks, so the columns need not be rebuilt. */
export function sheetColumns(options: {
  previousPeriod: string | null;
  isLocked: () => boolean;
  suppressKeys: (p: SuppressKeyboardEventParams<SheetRow>) => boolean;
}): ColDef<SheetRow>[] {
  return [
    { field: 'numbering', headerName: text.col.numbering, width: 60 },
    {
      field: 'text',
      headerName: text.col.text,
      flex: 3,
      minWidth: 280,
      wrapText: true,
      autoHeight: true,
      cellStyle: (p) => formRowTextStyle(p.data),
    },
    {
      field: 'unit',
      headerName: text.col.unitShort,
      headerTooltip: text.col.unit,
      width: 90,
      wrapText: true,
      autoHeight: true,
      cellStyle: { lineHeight: '1.35', paddingTop: '6px', paddingBottom: '6px' },
    },
    {
      colId: 'previous',
      headerName: text.col.previous(options.previousPeriod),
      width: 110,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.previous ?? null,
      valueFormatter: (p) => (p.data?.valueRow ? formatFigure(p.value as number | null, p.data.valueType) : ''),
      cellClass: numericCellClass('muted'),
    },
    {
      colId: 'value',
      headerName: text.col.value,
      width: 120,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.value ?? null,
      valueFormatter: (p) => (p.data ? formatFigure(p.value as number | string | null, p.data.valueType) : ''),
      editable: (p) => !!p.data?.valueRow && !options.isLocked(),
      cellEditorParams: { useFormatter: true },
      suppressKeyboardEvent: options.suppressKeys,
      cellClass: (p) => {
        if (!p.data?.valueRow) return 'cell-heading';
        const worst = p.data.problems.some((x) => x.severity === 'error')
          ? 'cell-error'
          : p.data.problems.length > 0
            ? 'cell-warning'
            : '';
        return numericCellClass(`${worst} ${p.data.origin === 'manual' ? 'cell-manual' : ''}`);
      },
    },
    {
      colId: 'comment',
      headerName: text.col.comment,
      flex: 1,
      minWidth: 140,
      valueGetter: (p) => p.data?.comment ?? '',
      editable: (p) => !!p.data?.valueRow,
    },
    {
      colId: 'flags',
      headerName: text.col.flags,
      flex: 2,
      minWidth: 220,
      wrapText: true,
      autoHeight: true,
      valueGetter: (p) =>
        p.data?.problems
          .map((x) => `${x.severity === 'error' ? text.errorMark : text.warningMark} ${x.message}`)
          .join('\n') ?? '',
      cellClass: (p) => (p.data?.problems.some((x) => x.severity === 'error') ? 'flag-error' : 'flag-warning'),
      cellStyle: { whiteSpace: 'pre-line', lineHeight: '1.35', paddingTop: '6px', paddingBottom: '6px' },
    },
  ];
}
