import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { safeFileStem } from '../files/safe-name';

/** The print preview as a PDF: laid out by the window's print style, saved where the user chooses; null when cancelled. */
export async function saveWindowPdf(ctx: ServiceContext, name: string): Promise<string | null> {
  const pdf = await ctx.platform.renderWindowPdf();
  const target = await ctx.platform.chooseSavePath({ title: 'Lưu PDF', defaultName: `${safeFileStem(name)}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (target === null) return null;
  if (path.extname(target).toLowerCase() !== '.pdf') throw new AppError('invalid-input', 'Tệp lưu phải có đuôi .pdf.');
  fs.writeFileSync(target, pdf);
  return target;
}
