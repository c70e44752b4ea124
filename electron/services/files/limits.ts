import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  return `${(bytes / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Reads a file the user chose, refusing it before reading when it is larger than `maxBytes`. */
export function readFileWithinLimit(filePath: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new AppError('not-found', `Không tìm thấy tệp "${filePath}".`);
  }
  if (size > maxBytes) {
    throw new AppError(
      'invalid-input',
      `Tệp "${path.basename(filePath)}" quá lớn (${formatSize(size)}); giới hạn là ${formatSize(maxBytes)}.`,
    );
  }
  return fs.readFileSync(filePath);
}
