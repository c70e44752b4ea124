import type { ServiceContext } from '../context';
import { safeFileStem } from '../files/safe-name';
import { saveAs } from '../files/save-as';

/** The print preview as a PDF: laid out by the window's print style, saved where the user chooses; null when cancelled. */
export async function saveWindowPdf(ctx: ServiceContext, name: string): Promise<string | null> {
  const pdf = await ctx.platform.renderWindowPdf();
  return saveAs(
    ctx,
    {
      title: 'Lưu PDF',
      defaultName: `${safeFileStem(name)}.pdf`,
      filterName: 'PDF',
      extension: 'pdf',
      madeByApp: true,
    },
    pdf,
  );
}
