import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { convertWithLibreOffice } from '../../electron/services/export/libreoffice';

const exec = promisify(execFile);

/**
 * Converts an office file to PDF with LibreOffice headless, in a private profile so runs never
 * share state, and returns the PDF's path. What LibreOffice prints is what Word/Excel would.
 */
export function convertToPdf(file: string, workDir: string): Promise<string> {
  return convertWithLibreOffice(file, 'pdf', workDir);
}

/** The app's own conversion, so tests print exactly as the command line does. */
export { convertWithLibreOffice };

export async function pdfInfo(pdf: string): Promise<{ pages: number; widthPt: number; heightPt: number }> {
  const { stdout } = await exec('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

export async function pdfPageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await exec('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
  return stdout;
}

export async function pdfPageToPng(pdf: string, page: number, outFile: string): Promise<string> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const stem = outFile.replace(/\.png$/, '');
  await exec('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '60', '-png', '-singlefile', pdf, stem]);
  return `${stem}.png`;
}
