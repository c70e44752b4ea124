/**
 * A worker thread that parses replies (e-mail, workbooks, Word) so the main thread can store one
 * reply while the next is being read. It touches no database and no file; it only answers messages.
 */
import { parentPort } from 'node:worker_threads';
import { parseReply, type ImportSource } from './parse-reply';

parentPort?.on('message', (msg: { id: number; input: ImportSource }) => {
  parseReply(msg.input).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
