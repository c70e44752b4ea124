import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

export interface SaveAsOptions {
  title: string;
  /** Made by the app (safeFileStem), never taken from the data as it came. */
  defaultName: string;
  /** "Excel (.xlsx)" */
  filterName: string;
  /** "xlsx", without the dot. */
  extension: string;
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
  return target;
}
