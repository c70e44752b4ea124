/**
 * The classes of a figure's cell: right-aligned under its right-aligned header, digits of equal width.
 * A column's own cellClass replaces the one its 'rightAligned' type gives, so every figure column adds
 * this, whatever else it marks (errors, totals, changes).
 */
export function numericCellClass(extra = ''): string {
  return `ag-right-aligned-cell cell-figure ${extra}`.trim();
}
