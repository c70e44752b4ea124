import path from 'node:path';
import { isAppError } from '../../../shared/errors';
import { readReplyFile, type ImportSource, type ParsedReply } from './parse-reply';
import { parseInWorker, sharedParsePool } from './parse-pool';

/**
 * Reads a reply in the bounded parse worker; a refusal (too large, too slow, damaged, a worker that
 * died on it) comes back as a ParsedReply saying why, so the batch goes on.
 */
export async function parseReplyInWorker(input: ImportSource): Promise<ParsedReply> {
  try {
    const parsed = await parseInWorker('reply', input, input.fileName);
    if (parsed.ok) parsed.src.bytes = input.bytes;
    return parsed;
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message };
    throw e;
  }
}

/** Reads a file and hands it to the worker; a file that cannot be read becomes a rejection, never a throw. */
export async function readAndParse(filePath: string): Promise<ParsedReply> {
  try {
    return await parseReplyInWorker(readReplyFile(filePath));
  } catch (e) {
    return { ok: false, error: isAppError(e) ? e.message : `Không đọc được tệp "${path.basename(filePath)}".` };
  }
}

/** Starts the parse workers and has them load their readers, so the first import is as fast as the rest. */
export async function warmReplyParser(): Promise<void> {
  await sharedParsePool().warm();
}
