import type { ServiceContext } from '../context';
import { safeFileStem } from '../files/safe-name';
import { saveAs } from '../files/save-as';
import { writeGridWorkbook, type GridExport } from './write-grid-workbook';

/** Asks where to save a grid as shown, then writes it as .xlsx; null when the user cancels. */
export async function saveGridWorkbook(ctx: ServiceContext, grid: GridExport): Promise<string | null> {
  return saveAs(
    ctx,
    {
      title: 'Xuất Excel',
      defaultName: `${safeFileStem(grid.title)}.xlsx`,
      filterName: 'Excel (.xlsx)',
      extension: 'xlsx',
      madeByApp: true,
    },
    await writeGridWorkbook(grid),
  );
}
