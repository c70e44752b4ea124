import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { rememberSaved } from './saved-by-app';

export interface SaveAsOptions {
  title: string;
  /** Made by the app (safeFileStem), never taken from the data as it came. */
  defaultName: string;
  /** "Excel (.xlsx)" */
  filterName: string;
  /** "xlsx", without the dot. */
  extension: string;
  /**
   * A document the app made (an appendix, a workbook, a PDF): the user may open it from the app after.
   * Not for copies of received files, which open only as read-only copies.
   */
  madeByApp?: boolean;
}

/**
 * Asks where to save (the system's dialog), refuses a name without the expected extension, and
 * writes the bytes made beforehand; null when the user cancels.
 */
export async function saveAs(ctx: ServiceContext, options: SaveAsOptions, bytes: Uint8Array): Promise<string | null> {
  const target = await ctx.platform.chooseSavePath({
    title: options.title,
    defaultName: options.defaultName,
    filters: [{ name: options.filterName, extensions: [options.extension] }],
  });
  if (target === null) return null;
  if (path.extname(target).toLowerCase() !== `.${options.extension}`)
    throw new AppError('invalid-input', `Tệp lưu phải có đuôi .${options.extension}.`);
  fs.writeFileSync(target, bytes);
  if (options.madeByApp) rememberSaved(ctx, target);
  return target;
}
