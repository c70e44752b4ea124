import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { safeFileStem } from '../files/safe-name';
import { writeGridWorkbook, type GridExport } from './write-grid-workbook';

/** Asks where to save a grid as shown, then writes it as .xlsx; null when the user cancels. */
export async function saveGridWorkbook(ctx: ServiceContext, grid: GridExport): Promise<string | null> {
  const bytes = await writeGridWorkbook(grid);
  const target = await ctx.platform.chooseSavePath({ title: 'Xuất Excel', defaultName: `${safeFileStem(grid.title)}.xlsx`, filters: [{ name: 'Excel (.xlsx)', extensions: ['xlsx'] }] });
  if (target === null) return null;
  if (path.extname(target).toLowerCase() !== '.xlsx') throw new AppError('invalid-input', 'Tệp lưu phải có đuôi .xlsx.');
  fs.writeFileSync(target, bytes);
  return target;
}
