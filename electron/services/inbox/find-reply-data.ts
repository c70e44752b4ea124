import path from 'node:path';
import { isAppError } from '../../../shared/errors';
import { readerFailureReason } from '../files/reader-failure';
import type { RawCell } from '../../../shared/domain/cell-value';
import { readDocxTables } from '../files/read-docx-tables';
import { readDocTables, type DocReading } from '../files/read-doc-tables';
import { openWorkbook, workbookTables } from '../files/read-xlsx-tables';
import { detectFormTable } from '../forms/detect-form-table';
import { readUnitTemplate, type TemplateReading } from '../templates/read-unit-template';
import type { ReceivedFile } from './received-message';
import { expandZip } from './expand-zip';
import { legacyEncodingNames, type SourceTable } from '../files/source-table';

export interface TableRowData {
  text: string;
  raw: RawCell;
  cell: string | null;
}

export type ReplyData =
  | { kind: 'template'; file: ReceivedFile; reading: TemplateReading; heading: string }
  | {
      kind: 'table';
      file: ReceivedFile;
      sheet: string | null;
      rows: TableRowData[];
      heading: string;
      legacy: SourceTable['legacyEncoding'];
      via?: DocReading['via'];
    };

export interface FoundData {
  data: ReplyData | null;
  /** What was said about each file that was not the data (a cover letter, a picture…), in Vietnamese. */
  notes: string[];
  /** Files kept for manual entry (PDF, pictures, old .doc). */
  manual: ReceivedFile[];
}

const manualTypes = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff', '.rtf', '.odt', '.ods']);

async function readOne(file: ReceivedFile): Promise<ReplyData | null> {
  const ext = path.extname(file.fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm') {
    const wb = await openWorkbook(file.fileName, file.bytes);
    const template = readUnitTemplate(wb);
    if (template) return { kind: 'template', file, reading: template, heading: '' };
    const tables = workbookTables(wb);
    const found = detectFormTable(file.fileName, tables);
    const heading = found.table.rows
      .filter((r) => r.ref < found.headerRef)
      .flatMap((r) => r.cells)
      .join(' ');
    return {
      kind: 'table',
      file,
      sheet: found.table.sheet,
      heading,
      legacy: found.table.legacyEncoding,
      rows: found.rows.map((r) => ({ text: r.text, raw: r.value, cell: r.valueCell })),
    };
  }
  if (ext === '.doc') {
    const doc = await readDocTables(file.fileName, file.bytes);
    const found = detectFormTable(file.fileName, doc.tables);
    return {
      kind: 'table',
      file,
      sheet: null,
      heading: doc.heading,
      legacy: found.table.legacyEncoding,
      via: doc.via,
      rows: found.rows.map((r) => ({ text: r.text, raw: r.value, cell: r.valueCell })),
    };
  }
  if (ext === '.docx') {
    const found = detectFormTable(file.fileName, await readDocxTables(file.fileName, file.bytes));
    return {
      kind: 'table',
      file,
      sheet: null,
      heading: '',
      legacy: found.table.legacyEncoding,
      rows: found.rows.map((r) => ({ text: r.text, raw: r.value, cell: r.valueCell })),
    };
  }
  return null;
}

/**
 * Finds the figures among a reply's files: one of our templates first (matched exactly), else the
 * file holding the largest form table. A cover letter, a picture or a PDF is not the data: it is
 * noted, and PDFs and pictures are listed for manual entry.
 */
export async function findReplyData(received: ReceivedFile[]): Promise<FoundData> {
  const notes: string[] = [];
  const manual: ReceivedFile[] = [];
  const found: ReplyData[] = [];
  const files: ReceivedFile[] = [];
  for (const f of received) {
    if (path.extname(f.fileName).toLowerCase() !== '.zip') {
      files.push(f);
      continue;
    }
    const expanded = await expandZip(f);
    notes.push(...expanded.notes);
    files.push(...expanded.files);
  }
  for (const file of files) {
    const ext = path.extname(file.fileName).toLowerCase();
    if (manualTypes.has(ext)) {
      manual.push(file);
      notes.push(`Tệp "${file.fileName}" cần nhập tay (PDF hoặc ảnh); đã lưu để mở xem.`);
      continue;
    }
    try {
      const data = await readOne(file);
      if (data) found.push(data);
      else notes.push(`Bỏ qua tệp "${file.fileName}": không phải tệp số liệu.`);
    } catch (e) {
      if (!isAppError(e)) {
        // A reader library gave up on a file that passed the container's checks: the file is damaged
        // in a way only that reader notices (found by fuzzing). The reply is kept; the file is named.
        notes.push(`Không đọc được tệp "${file.fileName}": ${readerFailureReason(e)}.`);
        continue;
      }
      notes.push(
        /Không tìm thấy bảng biểu mẫu/.test(e.message)
          ? `Tệp "${file.fileName}" không có bảng số liệu (có thể là công văn kèm theo).`
          : e.message,
      );
    }
  }
  const template = found.find((d) => d.kind === 'template');
  const best =
    template ??
    found.sort((a, b) => (b.kind === 'table' ? b.rows.length : 0) - (a.kind === 'table' ? a.rows.length : 0))[0] ??
    null;
  if (best?.kind === 'table' && best.via === 'text') {
    notes.push(
      `Tệp "${best.file.fileName}" là văn bản Word cũ (.doc): chỉ đọc được chữ, không có định dạng; hãy kiểm tra kỹ số liệu.`,
    );
  }
  if (best?.kind === 'table' && best.via === 'libreoffice') {
    notes.push(
      `Tệp "${best.file.fileName}" là văn bản Word cũ, được chuyển bằng LibreOffice để đọc bảng; hãy kiểm tra kỹ số liệu.`,
    );
  }
  if (best?.kind === 'table' && best.legacy) {
    notes.push(
      `Tệp "${best.file.fileName}" được gõ bằng bảng mã ${legacyEncodingNames[best.legacy]}; đã chuyển sang Unicode.`,
    );
  }
  for (const other of found)
    if (other !== best)
      notes.push(`Tệp "${other.file.fileName}" cũng có bảng số liệu nhưng không được dùng; hãy kiểm tra.`);
  return { data: best, notes, manual };
}
