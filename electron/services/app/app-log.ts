import fs from 'node:fs';
import path from 'node:path';

/**
 * The app's log, a file the user can send: start-up steps, migrations, backups, imports with their
 * counts, and every error with its stack (a library's English text included: that is what the log
 * is for). One line per entry, newest last; when the file passes `maxBytes` it becomes pcmd.1.log
 * (pcmd.1.log becomes pcmd.2.log…) and `keep` old files are kept. Writing never throws: a full
 * disk must not stop the app.
 */
export interface AppLog {
  /** The folder the log files are in ("Mở thư mục nhật ký"). */
  readonly folder: string;
  /** The current file. */
  readonly file: string;
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const LOG_FILE = 'pcmd.log';

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return `${error.stack ?? error.message}${cause ? `\n  cause: ${describe(cause)}` : ''}`;
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}

export function createFileLog(
  folder: string,
  options: { maxBytes?: number; keep?: number; now?: () => Date } = {},
): AppLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  const now = options.now ?? (() => new Date());
  const file = path.join(folder, LOG_FILE);
  const rotated = (n: number) => path.join(folder, LOG_FILE.replace(/\.log$/, `.${n}.log`));

  const rotate = () => {
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    fs.renameSync(file, rotated(1));
  };
  const write = (level: 'INFO' | 'ERROR', message: string) => {
    try {
      fs.mkdirSync(folder, { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size >= maxBytes) rotate();
      fs.appendFileSync(file, `${now().toISOString()} ${level} ${message.replace(/\n/g, '\n    ')}\n`);
    } catch {
      // the log is best effort: nothing to report it to
    }
  };
  return {
    folder,
    file,
    info: (message) => write('INFO', message),
    error: (message, error) => write('ERROR', error === undefined ? message : `${message}: ${describe(error)}`),
  };
}
