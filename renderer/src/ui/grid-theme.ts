import { themeQuartz } from 'ag-grid-community';

/** One look for every grid: the app's font, compact rows, no fonts fetched from anywhere. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  rowHeight: 34,
  headerHeight: 38,
  accentColor: '#9b1c1c',
});

/** Many columns of figures (a round's matrix): smaller type and tighter cells, so more units fit. */
export const compactGridTheme = gridTheme.withParams({
  fontSize: 13,
  cellHorizontalPadding: 6,
  headerHeight: 36,
  rowHeight: 30,
});
