import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Converts an office file to PDF with LibreOffice headless, in a private profile so runs never
 * share state, and returns the PDF's path. What LibreOffice prints is what Word/Excel would.
 */
export function convertToPdf(file: string, workDir: string): Promise<string> {
  return convertWithLibreOffice(file, 'pdf', workDir);
}

/** Converts with LibreOffice headless to another format ("pdf", "doc", "xls"); returns the new file's path. */
export async function convertWithLibreOffice(file: string, format: string, workDir: string): Promise<string> {
  const profile = path.join(workDir, 'lo-profile');
  fs.mkdirSync(profile, { recursive: true });
  await exec('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', format, '--outdir', workDir, file], {
    env: { ...process.env, HOME: workDir },
    timeout: 90_000,
  });
  const out = path.join(workDir, `${path.basename(file, path.extname(file))}.${format}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice produced no .${format} for ${file}`);
  return out;
}

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
