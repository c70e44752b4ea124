import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { MB, readFileWithinLimit } from '../files/limits';
import { sha256 } from '../files/file-store';
import { findReplyData, type FoundData } from './find-reply-data';
import { readEml } from './read-eml';
import type { ReceivedMessage } from './received-message';
import { readMsg } from './read-msg';

export const MAX_REPLY_BYTES = 30 * MB;
const dataExtensions = new Set(['.xlsx', '.xls', '.xlsm', '.docx', '.doc', '.zip']);
/** Kept and listed for manual entry when they arrive on their own. */
const manualExtensions = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff']);

export interface ImportSource {
  /** The name shown to the user and kept with the original. */
  fileName: string;
  bytes: Uint8Array;
}

export interface ParsedSource {
  fileName: string;
  bytes: Uint8Array;
  message: ReceivedMessage;
  source: 'eml' | 'msg' | 'file';
}

/** A reply parsed and nothing more: plain data, so it can come back from a worker thread. */
export type ParsedReply =
  { ok: false; error: string } | { ok: true; src: ParsedSource; hash: string; found: FoundData };

export async function readSource({ fileName, bytes }: ImportSource): Promise<Omit<ParsedSource, 'fileName'>> {
  const ext = path.extname(fileName).toLowerCase();
  if (bytes.byteLength > MAX_REPLY_BYTES)
    throw new AppError('invalid-input', `Tệp "${fileName}" quá lớn (giới hạn ${MAX_REPLY_BYTES / MB} MB).`);
  if (ext === '.eml') return { bytes, message: await readEml(fileName, bytes), source: 'eml' };
  if (ext === '.msg') return { bytes, message: readMsg(fileName, bytes), source: 'msg' };
  if (dataExtensions.has(ext) || manualExtensions.has(ext)) {
    return {
      bytes,
      source: 'file',
      message: {
        messageId: null,
        fromAddress: null,
        fromName: null,
        subject: null,
        sentAt: null,
        attachments: [{ fileName, bytes }],
      },
    };
  }
  throw new AppError(
    'unsupported-file',
    `Không nhận loại tệp "${ext || fileName}": hãy dùng thư .eml, .msg, .mbox hoặc tệp .xlsx, .xls, .docx, .zip.`,
  );
}

/** A reply file from disk, refused before reading when it is over the size limit (an AppError saying so). */
export function readReplyFile(filePath: string): ImportSource {
  return { fileName: path.basename(filePath), bytes: readFileWithinLimit(filePath, MAX_REPLY_BYTES) };
}

/** Reads a reply and finds its data, touching no database; a broken file gives its Vietnamese reason. */
export async function parseReply(input: ImportSource): Promise<ParsedReply> {
  try {
    const src = { ...(await readSource(input)), fileName: input.fileName };
    return { ok: true, src, hash: sha256(src.bytes), found: await findReplyData(src.message.attachments) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message };
    throw e;
  }
}
