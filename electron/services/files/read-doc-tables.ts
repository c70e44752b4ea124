import CFB from 'cfb';
import WordExtractor from 'word-extractor';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { convertOldOfficeFile, type OldOfficeConverter } from './convert-old-office';
import { readDocxTables } from './read-docx-tables';
import { readerFailureReason } from './reader-failure';
import { rebuildCompoundFile } from './rebuild-compound-file';
import { fixLegacyTable, type SourceTable } from './source-table';
import { isOle2, isRtf, isWord2, isZip } from './file-signatures';

/** What a file named .doc really is. */
export type WordKind = 'word97' | 'word6-95' | 'word2' | 'rtf' | 'docx' | 'ole-other' | 'other';

/**
 * Word 97-2003 and Word 6.0/95 are both compound files with a "WordDocument" stream; its header
 * (the FIB) says which: nFib 193 and up for Word 97 and later, 101-105 for Word 6.0 and 95.
 * Word 2.0 is no compound file (it opens with DB A5); an RTF or a .docx is sometimes named .doc.
 */
export function wordKind(bytes: Uint8Array): WordKind {
  if (isZip(bytes)) return 'docx';
  if (isWord2(bytes)) return 'word2';
  if (isRtf(bytes)) return 'rtf';
  if (!isOle2(bytes)) return 'other';
  try {
    const stream = CFB.find(
      CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }),
      'WordDocument',
    );
    const fib = stream?.content ? Buffer.from(stream.content as Uint8Array) : null;
    if (!fib || fib.length < 4) return 'ole-other';
    const nFib = fib.readUInt16LE(2);
    return nFib >= 0xc1 ? 'word97' : nFib >= 0x65 && nFib <= 0x69 ? 'word6-95' : 'ole-other';
  } catch {
    return 'ole-other';
  }
}

export interface DocReading {
  tables: SourceTable[];
  heading: string;
  /** 'text': the Word 97 text reader (cells as tab-separated text); 'libreoffice': converted with its tables; 'docx': a .docx named .doc. */
  via: 'text' | 'libreoffice' | 'docx';
}

/**
 * The tables of an old Word document. Word 97-2003 is read by word-extractor, text only, each table
 * row a line with its cells separated by tabs (consecutive such lines make a table; the text
 * before the first table is the heading). Word 6.0/95, Word 2.0, an RTF, or a Word 97 file that
 * reader cannot follow are converted by LibreOffice when it is installed (real tables then);
 * otherwise they are refused saying what the file is and what to do, never called damaged when
 * they are only old.
 */
export async function readDocTables(
  fileName: string,
  bytes: Uint8Array,
  convert: OldOfficeConverter = convertOldOfficeFile,
): Promise<DocReading> {
  const kind = wordKind(bytes);
  if (kind === 'docx') return { tables: await readDocxTables(fileName, bytes), heading: '', via: 'docx' };
  if (kind === 'other')
    throw new AppError(
      'unsupported-file',
      `Không đọc được văn bản Word cũ "${fileName}": tệp không phải văn bản Word (.doc).`,
    );
  let failure: unknown = null;
  if (kind === 'word97') {
    const container = rebuildCompoundFile(fileName, bytes, 'văn bản Word cũ');
    try {
      return { ...textTables((await new WordExtractor().extract(container)).getBody()), via: 'text' };
    } catch (e) {
      failure = e;
    }
  }
  const converted = await convert(fileName, bytes, 'docx');
  if (converted) {
    try {
      return { tables: await readDocxTables(fileName, converted), heading: '', via: 'libreoffice' };
    } catch (e) {
      failure ??= e;
    }
  }
  const withoutLibreOffice = converted === null ? ', hoặc cài LibreOffice trên máy này để phần mềm tự chuyển' : '';
  const resave = `Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx${withoutLibreOffice}.`;
  switch (kind) {
    case 'word6-95':
      throw new AppError(
        'unsupported-file',
        `Văn bản "${fileName}" ở định dạng Word 6.0/95, quá cũ để phần mềm đọc trực tiếp. ${resave}`,
        undefined,
        { cause: failure },
      );
    case 'word2':
      throw new AppError(
        'unsupported-file',
        `Văn bản "${fileName}" ở định dạng Word 2.0, quá cũ để phần mềm đọc trực tiếp. ${resave}`,
        undefined,
        { cause: failure },
      );
    case 'rtf':
      throw new AppError(
        'unsupported-file',
        `Tệp "${fileName}" thực chất là văn bản RTF (đặt tên .doc), phần mềm không đọc trực tiếp. ${resave}`,
        undefined,
        { cause: failure },
      );
    default:
      throw new AppError(
        'unsupported-file',
        `Không đọc được văn bản Word cũ "${fileName}": ${readerFailureReason(failure)}. ${resave}`,
        undefined,
        { cause: failure },
      );
  }
}

function textTables(body: string): Omit<DocReading, 'via'> {
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
  if (current)
    tables.push(fixLegacyTable({ name: `bảng ${tables.length + 1}`, sheet: null, firstColumn: 0, rows: current }));
  return { tables, heading: heading.join(' ') };
}
