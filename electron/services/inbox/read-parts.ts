import type { PartReader } from '../files/file-store';
import { parseInWorker } from './parse-pool';

/** Takes a kept container apart again (a zip's entries, an e-mail's attachments), in the parse worker. */
export const readParts: PartReader = (container) =>
  parseInWorker('parts', { name: container.name, bytes: container.bytes }, container.name);
