import zlib from 'node:zlib';
import JSZip from 'jszip';

/**
 * Reading a zip container (.docx, .xlsx, .xlsm, .zip) whose headers are not trusted. What a part
 * inflates to is bounded by the bytes actually produced while inflating, never by the size its
 * header declares (a 6 MB .docx declaring small sizes inflated to 6 GB); the part's checksum is
 * checked after the bound, so a zip bomb is stopped before any integrity work is spent on it.
 */
export class ZipPartTooLarge extends Error {
  constructor(readonly limit: number) {
    super('zip part too large');
  }
}

export class ZipDamaged extends Error {
  constructor(readonly reason: 'container' | 'part') {
    super(`zip ${reason} damaged`);
  }
}

/** Opens the container's directory only: no part is inflated and no checksum is computed here. */
export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new ZipDamaged('container');
  }
}

/** The container's files (not its folders). */
export function zipFiles(zip: JSZip): JSZip.JSZipObject[] {
  return Object.values(zip.files).filter((e) => !e.dir);
}

/** JSZip's streaming reader, present at run time but missing from its type declarations. */
interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

function declaredCrc(entry: JSZip.JSZipObject): number | undefined {
  return (entry as unknown as { _data?: { crc32?: number } })._data?.crc32;
}

/**
 * Inflates one part, stopping as soon as it has produced more than `limit` bytes (ZipPartTooLarge),
 * then checks its CRC-32 against the header's (ZipDamaged).
 */
export function inflatePart(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    let stream: StreamHelper;
    try {
      stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    } catch {
      reject(new ZipDamaged('part'));
      return;
    }
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        size += chunk.byteLength;
        if (size > limit) {
          stopped = true;
          chunks.length = 0;
          stream.pause();
          reject(new ZipPartTooLarge(limit));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () => {
        if (stopped) return;
        stopped = true;
        reject(new ZipDamaged('part'));
      })
      .on('end', () => {
        if (stopped) return;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.byteLength;
        }
        const crc = declaredCrc(entry);
        if (crc !== undefined && zlib.crc32(out) >>> 0 !== crc >>> 0) reject(new ZipDamaged('part'));
        else resolve(out);
      })
      .resume();
  });
}

/** Inflates a part as UTF-8 text, within the same bound. */
export async function inflatePartText(entry: JSZip.JSZipObject, limit: number): Promise<string> {
  return Buffer.from(await inflatePart(entry, limit)).toString('utf8');
}
