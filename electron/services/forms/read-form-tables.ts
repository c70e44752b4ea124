import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { readDocxTables } from '../files/read-docx-tables';
import { readDocTables } from '../files/read-doc-tables';
import { readWorkbookTables } from '../files/read-xlsx-tables';
import type { SourceTable } from '../files/source-table';

/** The tables of a file offered as a form (.docx, .xlsx, .xls, .doc); run in the parse worker. */
export async function readFormTables({
  fileName,
  bytes,
}: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<SourceTable[]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.docx') return readDocxTables(fileName, bytes);
  if (ext === '.xlsx' || ext === '.xls') return readWorkbookTables(fileName, bytes);
  if (ext === '.doc') return (await readDocTables(fileName, bytes)).tables;
  throw new AppError(
    'unsupported-file',
    `Không nhận loại tệp "${ext || fileName}" cho biểu mẫu; hãy dùng .docx, .xlsx hoặc .xls.`,
  );
}
