import path from 'node:path';
import JSZip from 'jszip';
import { MB } from '../files/limits';
import type { ReceivedFile } from './read-message';

export const ZIP_LIMITS = { maxEntries: 200, maxEntryBytes: 30 * MB, maxTotalBytes: 100 * MB };

class TooLarge extends Error {}

/** JSZip's streaming reader, present at run time but missing from its type declarations. */
interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Decompresses one entry, stopping as soon as it grows past `limit` (a lying header cannot make it balloon). */
function inflateBounded(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.byteLength;
        if (size > limit) {
          stream.pause();
          reject(new TooLarge());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => {
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.byteLength;
        }
        resolve(out);
      })
      .resume();
  });
}

/**
 * The files inside a .zip a unit sent, within bounds: at most 200 entries, 30 MB each and 100 MB in
 * all once decompressed (a zip bomb is stopped while it inflates). Folders inside are flattened;
 * names are only recorded, never used as paths; a zip inside the zip is not opened.
 */
export async function expandZip(file: ReceivedFile): Promise<{ files: ReceivedFile[]; notes: string[] }> {
  const notes: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.bytes);
  } catch {
    return { files: [], notes: [`Tệp nén "${file.fileName}" bị hỏng, không giải nén được.`] };
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > ZIP_LIMITS.maxEntries) {
    return { files: [], notes: [`Tệp nén "${file.fileName}" có ${entries.length} tệp, quá giới hạn ${ZIP_LIMITS.maxEntries}; không giải nén.`] };
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
      const bytes = await inflateBounded(entry, Math.min(ZIP_LIMITS.maxEntryBytes, ZIP_LIMITS.maxTotalBytes - total));
      total += bytes.byteLength;
      files.push({ fileName: name, bytes, container: file.fileName });
    } catch (e) {
      if (e instanceof TooLarge) {
        notes.push(`Tệp nén "${file.fileName}" giải nén ra quá lớn (giới hạn ${ZIP_LIMITS.maxEntryBytes / MB} MB mỗi tệp, ${ZIP_LIMITS.maxTotalBytes / MB} MB tất cả); dừng giải nén.`);
        break;
      }
      notes.push(`Tệp "${name}" trong "${file.fileName}" bị hỏng.`);
    }
  }
  return { files, notes };
}
