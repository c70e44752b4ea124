import path from 'node:path';
import type { PartReader } from '../files/file-store';
import { expandZip } from './expand-zip';
import { readSource } from './import-reply';

/** Takes a kept container apart again: a zip's entries, or an e-mail's (.eml, .msg) attachments. */
export const readParts: PartReader = async (container) => {
  if (path.extname(container.name).toLowerCase() === '.zip') return (await expandZip({ fileName: container.name, bytes: container.bytes })).files;
  return (await readSource({ fileName: container.name, bytes: container.bytes })).message.attachments;
};
