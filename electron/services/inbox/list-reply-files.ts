import fs from 'node:fs';
import path from 'node:path';

const replyExtensions = new Set([
  '.eml',
  '.msg',
  '.mbox',
  '.zip',
  '.xlsx',
  '.xls',
  '.xlsm',
  '.docx',
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.tif',
  '.tiff',
  '.doc',
]);
export const MAX_FILES_PER_FOLDER = 5_000;

/**
 * The files to import under a path: the file itself, or every reply file in a folder and its
 * subfolders (in name order, links not followed). A path that does not exist is returned as is, so
 * its import reports it.
 */
export function listReplyFiles(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return [target];
  }
  if (!stat.isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES_PER_FOLDER) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && replyExtensions.has(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(target);
  return out;
}
