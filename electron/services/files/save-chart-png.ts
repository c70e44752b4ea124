import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { saveAs } from './save-as';
import { safeFileStem } from './safe-name';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PREFIX = 'data:image/png;base64,';

/**
 * Saves a chart the renderer drew (canvas.toDataURL) as a PNG where the user chooses; only a real
 * PNG is written, never whatever else a page might send. Null when the user cancels.
 */
export async function saveChartPng(
  ctx: ServiceContext,
  input: { name: string; dataUrl: string },
): Promise<string | null> {
  if (!input.dataUrl.startsWith(PREFIX)) throw new AppError('invalid-input', 'Ảnh biểu đồ không đúng định dạng PNG.');
  const bytes = Buffer.from(input.dataUrl.slice(PREFIX.length), 'base64');
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new AppError('invalid-input', 'Ảnh biểu đồ không đúng định dạng PNG.');
  return saveAs(
    ctx,
    {
      title: 'Lưu biểu đồ',
      defaultName: `${safeFileStem(input.name)}.png`,
      filterName: 'Ảnh PNG (.png)',
      extension: 'png',
      madeByApp: true,
    },
    bytes,
  );
}
