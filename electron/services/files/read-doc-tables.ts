import WordExtractor from 'word-extractor';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { rebuildCompoundFile } from './rebuild-compound-file';
import { fixLegacyTable, type SourceTable } from './source-table';

/**
 * An old Word document (.doc), as far as word-extractor reads it: text only, each table row a line
 * with its cells separated by tabs. Consecutive such lines make a table; the text before the first
 * table is returned as the heading. Layout (merged cells, fonts) is not available.
 */
export async function readDocTables(fileName: string, bytes: Uint8Array): Promise<{ tables: SourceTable[]; heading: string }> {
  let body: string;
  const container = rebuildCompoundFile(fileName, bytes, 'văn bản Word cũ');
  try {
    body = (await new WordExtractor().extract(container)).getBody();
  } catch {
    throw new AppError('unsupported-file', `Không đọc được văn bản Word cũ "${fileName}": tệp bị hỏng hoặc không phải tệp .doc.`);
  }
  const tables: SourceTable[] = [];
  const heading: string[] = [];
  let current: SourceTable['rows'] | null = null;
  body.split(/\r?\n/).forEach((line, i) => {
    if (!line.includes('\t')) {
      if (current) {
        tables.push(fixLegacyTable({ name: `bảng ${tables.length + 1}`, sheet: null, firstColumn: 0, rows: current }));
        current = null;
      } else if (tables.length === 0 && line.trim()) heading.push(cleanText(line));
      return;
    }
    const cells = line.replace(/\t$/, '').split('\t').map(cleanText);
    (current ??= []).push({ cells, ref: i + 1 });
  });
  if (current) tables.push(fixLegacyTable({ name: `bảng ${tables.length + 1}`, sheet: null, firstColumn: 0, rows: current }));
  return { tables, heading: heading.join(' ') };
}
