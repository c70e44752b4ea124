/**
 * Everything the parse worker does: each task reads untrusted bytes (a reply, a container kept
 * earlier, a form file) and returns plain data. Only the worker imports this module's readers; the
 * main thread reaches them through the pool (parse-pool.ts), which bounds their memory and time.
 */
import path from 'node:path';
import type { ReceivedFile } from './received-message';
import { parseReply, readSource, type ImportSource, type ParsedReply } from './parse-reply';
import { expandZip } from './expand-zip';
import { readFormTables } from '../forms/read-form-tables';
import { readMessageView } from './read-message-view';
import { parseUnitsFile } from '../units/parse-units-file';
import { parseOfficialList } from '../units/parse-official-list';

/** A kept container taken apart again: a zip's entries, or an e-mail's (.eml, .msg) attachments. */
async function containerParts(container: { name: string; bytes: Uint8Array }): Promise<ReceivedFile[]> {
  if (path.extname(container.name).toLowerCase() === '.zip')
    return (await expandZip({ fileName: container.name, bytes: container.bytes })).files;
  return (await readSource({ fileName: container.name, bytes: container.bytes })).message.attachments;
}

/** A reply parsed; its own bytes are not sent back (the caller has them: parseReplyInWorker puts them back). */
async function reply(input: ImportSource): Promise<ParsedReply> {
  const parsed = await parseReply(input);
  return parsed.ok ? { ...parsed, src: { ...parsed.src, bytes: new Uint8Array() } } : parsed;
}

export const parseTasks = {
  reply,
  parts: containerParts,
  formTables: readFormTables,
  messageView: readMessageView,
  unitsFile: ({ fileName, bytes }: { fileName: string; bytes: Uint8Array }) => parseUnitsFile(fileName, bytes),
  officialList: ({ fileName, bytes }: { fileName: string; bytes: Uint8Array }) => parseOfficialList(fileName, bytes),
};

export type ParseTasks = typeof parseTasks;
export type ParseTaskName = keyof ParseTasks;
export type ParseTaskInput<K extends ParseTaskName> = Parameters<ParseTasks[K]>[0];
export type ParseTaskOutput<K extends ParseTaskName> = Awaited<ReturnType<ParseTasks[K]>>;
