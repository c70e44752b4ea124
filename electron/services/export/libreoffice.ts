import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../../shared/errors';

const exec = promisify(execFile);

/** LibreOffice is not installed on this machine (or not where it is looked for). */
export class LibreOfficeMissing extends Error {
  constructor() {
    super('LibreOffice not found');
  }
}

/** Where soffice is: PCMD_SOFFICE, else LibreOffice's usual folders on Windows, else the PATH. */
export function findSoffice(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env['PCMD_SOFFICE']) return env['PCMD_SOFFICE'];
  if (platform === 'win32') {
    for (const base of [env['ProgramFiles'], env['ProgramFiles(x86)']]) {
      const candidate = base ? path.join(base, 'LibreOffice', 'program', 'soffice.exe') : null;
      if (candidate && fs.existsSync(candidate)) return candidate;
    }
  }
  return 'soffice';
}

/**
 * Runs LibreOffice headless on one file ("pdf", "docx", "xlsx"…), with a fixed argument list (no
 * shell), in the given profile (never the user's own LibreOffice settings), stopped after
 * `timeoutMs`; returns the new file's path. Throws LibreOfficeMissing when it is not installed.
 */
export async function runLibreOffice(
  file: string,
  format: string,
  workDir: string,
  options: { profileDir?: string; timeoutMs?: number; soffice?: string } = {},
): Promise<string> {
  const profile = options.profileDir ?? path.join(workDir, 'lo-profile');
  fs.mkdirSync(profile, { recursive: true });
  try {
    await exec(
      options.soffice ?? findSoffice(),
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        format,
        '--outdir',
        workDir,
        file,
      ],
      {
        env: { ...process.env, HOME: workDir },
        timeout: options.timeoutMs ?? 90_000,
        windowsHide: true,
      },
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new LibreOfficeMissing();
    throw new AppError(
      'internal',
      `LibreOffice không chuyển được sang ${format.toUpperCase()}${(e as { killed?: boolean }).killed ? ' trong thời gian cho phép' : ''}.`,
      undefined,
      { cause: e },
    );
  }
  const out = path.join(workDir, `${path.basename(file, path.extname(file))}.${format.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new AppError('internal', `LibreOffice không tạo ra tệp .${format}.`);
  return out;
}

/** The command line's and the tests' conversion (PDF export): a machine without LibreOffice gets a Vietnamese refusal. */
export async function convertWithLibreOffice(
  file: string,
  format: string,
  workDir: string,
  soffice?: string,
): Promise<string> {
  try {
    return await runLibreOffice(file, format, workDir, soffice ? { soffice } : {});
  } catch (e) {
    if (e instanceof LibreOfficeMissing) {
      throw new AppError(
        'unsupported-file',
        'Xuất PDF từ dòng lệnh cần LibreOffice (lệnh soffice). Trong phần mềm, hãy dùng "Xem trước khi in" rồi "Lưu PDF".',
      );
    }
    throw e;
  }
}
