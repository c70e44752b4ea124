import path from 'node:path';
import { MB } from '../files/limits';
import { inflatePart, openZip, zipFiles, ZipPartTooLarge, type ZipDamaged } from '../files/bounded-zip';
import type { ReceivedFile } from './received-message';

export const ZIP_LIMITS = { maxEntries: 200, maxEntryBytes: 30 * MB, maxTotalBytes: 100 * MB };

/**
 * The files inside a .zip a unit sent, within bounds: at most 200 entries, 30 MB each and 100 MB in
 * all once decompressed (a zip bomb is stopped while it inflates). Folders inside are flattened;
 * names are only recorded, never used as paths; a zip inside the zip is not opened.
 */
export async function expandZip(file: ReceivedFile): Promise<{ files: ReceivedFile[]; notes: string[] }> {
  const notes: string[] = [];
  let entries;
  try {
    entries = zipFiles(await openZip(file.bytes));
  } catch {
    return { files: [], notes: [`Tệp nén "${file.fileName}" bị hỏng, không giải nén được.`] };
  }
  if (entries.length > ZIP_LIMITS.maxEntries) {
    return {
      files: [],
      notes: [
        `Tệp nén "${file.fileName}" có ${entries.length} tệp, quá giới hạn ${ZIP_LIMITS.maxEntries}; không giải nén.`,
      ],
    };
  }
  const files: ReceivedFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const name = path.posix.basename(entry.name.replace(/\\/g, '/'));
    if (name === '' || name.startsWith('.') || entry.name.startsWith('__MACOSX/')) continue;
    if (name.toLowerCase().endsWith('.zip')) {
      notes.push(`Không mở tệp nén "${name}" nằm trong "${file.fileName}".`);
      continue;
    }
    try {
      const bytes = await inflatePart(entry, Math.min(ZIP_LIMITS.maxEntryBytes, ZIP_LIMITS.maxTotalBytes - total));
      total += bytes.byteLength;
      files.push({ fileName: name, bytes, container: file.fileName });
    } catch (e) {
      if (e instanceof ZipPartTooLarge) {
        notes.push(
          `Tệp nén "${file.fileName}" giải nén ra quá lớn (giới hạn ${ZIP_LIMITS.maxEntryBytes / MB} MB mỗi tệp, ${ZIP_LIMITS.maxTotalBytes / MB} MB tất cả); dừng giải nén.`,
        );
        break;
      }
      notes.push(
        `Tệp "${name}" trong "${file.fileName}" bị hỏng (${(e as ZipDamaged).reason === 'part' ? 'nội dung nén không khớp' : 'không giải nén được'}).`,
      );
    }
  }
  return { files, notes };
}
