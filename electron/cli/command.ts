import { z } from 'zod';
import { LiveDatabase } from '../../db/live-database';
import { AppError } from '../../shared/errors';
import { createServiceContext, type ServiceContext } from '../services/context';
import type { Platform } from '../services/platform';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The command itself was written wrongly (exit code 2, with the usage). */
export class UsageError extends Error {}

/**
 * How a flag's text becomes a field of the command's input: `text` as written, `id` a number (an
 * id), `flag` true when present, `list` split on commas, `shares` "X1:0.6,X2:0.4" into code and share.
 * Only the conversion from command-line text is done here; what the value must be is the schema's.
 */
export type FlagKind = 'text' | 'id' | 'flag' | 'list' | 'all-or-list' | 'shares';

export interface FlagSpec {
  kind: FlagKind;
  /** The input field it fills (a dotted path for a nested one); the flag's name in camelCase when absent. */
  field?: string;
}

export interface CommandEnv {
  io: CliIo;
  /** Prints JSON with --json, else the text (made only when needed). */
  print: (value: unknown, text: () => string) => void;
}

/**
 * One command of the command line, in its feature's module (electron/cli/commands/<feature>.ts).
 * Its input is parsed by a zod schema built from the same shared schemas as the IPC channels, so a
 * date, a period or a code means the same on the command line as in the window.
 */
export interface Command<S extends z.ZodType = z.ZodType> {
  /** The words that name it: "units merge". */
  name: string;
  /** Its lines in the usage text. */
  usage: string;
  /** The flags it takes besides --json and --help (--db is declared by each command that opens one). */
  flags: Record<string, FlagSpec>;
  /** The input field the words after the command fill (the paths of `import`). */
  rest?: string;
  /** Fields set before the flags are read (dotted paths), for what the schema needs when a flag is absent. */
  defaults?: Record<string, unknown>;
  input: S;
  run(input: z.output<S>, env: CommandEnv): Promise<number>;
}

/** Declares a command with its schema's output typed for `run`. */
export function command<S extends z.ZodType>(c: Command<S>): Command {
  return c;
}

/** The command line has no windows: anything that would open a dialog is refused. */
const cliPlatform: Platform = {
  chooseFile: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn tệp; hãy ghi đường dẫn tệp.')),
  chooseFiles: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn tệp; hãy ghi đường dẫn tệp.')),
  chooseFolder: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn thư mục; hãy ghi đường dẫn.')),
  chooseSavePath: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại lưu tệp; hãy ghi đường dẫn tệp.')),
  openWithSystem: () => Promise.resolve(),
  showInFolder: () => Promise.resolve(),
  openLogFolder: () =>
    Promise.reject(
      new AppError(
        'invalid-input',
        'Dòng lệnh không mở thư mục nhật ký; nhật ký nằm trong thư mục dữ liệu của phần mềm (logs).',
      ),
    ),
  copyText: () => {
    throw new AppError('invalid-input', 'Dòng lệnh không dùng bộ nhớ tạm (clipboard).');
  },
  protectSecret: () => {
    throw new AppError('invalid-input', 'Dòng lệnh không lưu mật khẩu; hãy đặt biến môi trường PCMD_IMAP_PASSWORD.');
  },
  revealSecret: () => {
    throw new AppError(
      'invalid-input',
      'Dòng lệnh không đọc được mật khẩu đã lưu; hãy đặt biến môi trường PCMD_IMAP_PASSWORD.',
    );
  },
  printWindow: () => Promise.reject(new AppError('invalid-input', 'Dòng lệnh không in được.')),
  renderWindowPdf: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không có cửa sổ để in; dùng export --format pdf.')),
};

/** Opens the database file for one command's work and closes it after, whatever happens. */
export async function withContext<T>(dbPath: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const live = await LiveDatabase.open(dbPath);
  try {
    return await work(
      createServiceContext(live, { clock: () => new Date(), platform: cliPlatform, appVersion: 'cli' }),
    );
  } finally {
    await live.close();
  }
}

/** The database file every command works on. */
export const dbFile = z.string().min(1);
/** A path the user names (a file to read or write, a folder). */
export const pathText = z.string().min(1);
/** Every command that opens the database takes --db. */
export const dbFlag = { db: { kind: 'text' } } as const satisfies Record<string, FlagSpec>;

/** --boundaries DAY [--province CODE]: figures read in the units of that day. */
export const boundaryFlags = (into: string) =>
  ({
    boundaries: { kind: 'text', field: `${into}.boundaryDate` },
    province: { kind: 'text', field: `${into}.province` },
  }) as const;
