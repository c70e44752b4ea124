/**
 * The one error shape that crosses every boundary (service → IPC → renderer, service → CLI).
 * Codes are a closed set; messages are Vietnamese, written for the office user.
 */
export const errorCodes = [
  'invalid-input', // the payload or a file's content does not fit what was asked
  'not-found', // the thing named does not exist
  'conflict', // the change contradicts what is stored (e.g. a duplicate code)
  'unsupported-file', // a file type or layout that cannot be read
  'database', // the database cannot be opened, is damaged or is newer than the app
  'internal', // anything unexpected; details are in the main-process log
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetail {
  /** Where the problem is: a field path ("name"), or a place in a file ("dòng 4"). */
  where?: string;
  message: string;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  /** `cause`: the technical error behind it (a library's own text), for the log, never shown to the user. */
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): ApiErrorData {
    return this.details && this.details.length > 0
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const internalErrorMessage =
  'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị thay đổi. Vui lòng thử lại hoặc liên hệ bộ phận kỹ thuật.';

/** Results cross IPC as data, because Electron passes only an Error's message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
