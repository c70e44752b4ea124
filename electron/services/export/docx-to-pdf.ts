import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertWithLibreOffice } from './libreoffice';

/**
 * PDF from the command line, where there is no window to print from: LibreOffice headless converts
 * the .docx. The app itself prints through its own window instead.
 */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-pdf-'));
  try {
    const input = path.join(dir, 'phu-luc.docx');
    fs.writeFileSync(input, docx);
    return fs.readFileSync(await convertWithLibreOffice(input, 'pdf', dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
