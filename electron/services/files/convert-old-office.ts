import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { LibreOfficeMissing, runLibreOffice } from '../export/libreoffice';

/** A conversion gets this long; the parse worker's own limit for the whole file is longer. */
export const CONVERSION_MS = 15_000;

/** Converts an old Office file's bytes to .docx or .xlsx; null when LibreOffice is not installed. */
export type OldOfficeConverter = (
  fileName: string,
  bytes: Uint8Array,
  to: 'docx' | 'xlsx',
) => Promise<Uint8Array | null>;

/**
 * Old Word and Excel files (Word 6.0/95, Word 2, RTF named .doc, or a Word 97 file the text reader
 * cannot follow) read through LibreOffice when it is installed on the PC, in the parse worker: the
 * file is written under a name of the app's own into a private folder, converted with a time
 * limit, read back and the folder removed. Each worker thread keeps its own LibreOffice profile
 * (two conversions never share one, and later ones start faster).
 */
export const convertOldOfficeFile: OldOfficeConverter = async (fileName, bytes, to) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-chuyen-'));
  try {
    const input = path.join(
      work,
      `ban-goc${
        path
          .extname(fileName)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '') || '.bin'
      }`,
    );
    fs.writeFileSync(input, bytes);
    const profileDir = path.join(os.tmpdir(), `pcmd-lo-profile-${process.pid}-${threadId}`);
    const out = await runLibreOffice(input, to, work, { profileDir, timeoutMs: CONVERSION_MS });
    return new Uint8Array(fs.readFileSync(out));
  } catch (e) {
    if (e instanceof LibreOfficeMissing) return null;
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
};
