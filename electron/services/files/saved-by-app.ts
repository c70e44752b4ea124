import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

/** The documents and folders the app itself wrote in this run, where the user chose: only these open from a notice. */
const savedByContext = new WeakMap<ServiceContext, Set<string>>();

/** Records a document (an appendix, a workbook, a PDF, a chart) or a folder of templates the app wrote. */
export function rememberSaved(ctx: ServiceContext, target: string): void {
  let saved = savedByContext.get(ctx);
  if (!saved) savedByContext.set(ctx, (saved = new Set()));
  saved.add(path.resolve(target));
}

/**
 * "Mở tệp" / "Mở thư mục" after an export: opens what the app wrote in this run with the system's
 * program, or shows it in its folder. Anything else is refused, so the window cannot ask to open an
 * arbitrary path (received files open only as read-only copies, through open-original).
 */
export async function openSaved(ctx: ServiceContext, input: { path: string; show: 'file' | 'folder' }): Promise<void> {
  const target = path.resolve(input.path);
  if (!savedByContext.get(ctx)?.has(target))
    throw new AppError('not-found', 'Chỉ mở được tệp, thư mục phần mềm vừa lưu trong lần làm việc này.');
  if (!fs.existsSync(target))
    throw new AppError(
      'not-found',
      `Không còn "${path.basename(target)}" ở nơi đã lưu (có thể đã bị chuyển hoặc xóa).`,
    );
  const isFolder = fs.statSync(target).isDirectory();
  if (input.show === 'file' && !isFolder) await ctx.platform.openWithSystem(target);
  else if (isFolder) await ctx.platform.openWithSystem(target);
  else await ctx.platform.showInFolder(target);
}
