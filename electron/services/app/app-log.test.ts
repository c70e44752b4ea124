import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/testing/test-db';
import { AppError } from '../../../shared/errors';
import { createFileLog } from './app-log';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the log file', () => {
  it('writes each entry with its time and level, an error with its stack and the technical cause behind it', () => {
    dir = makeTempDir();
    const log = createFileLog(path.join(dir, 'logs'), { now: () => new Date('2026-12-01T02:00:00Z') });
    log.info('Khởi động: mở dữ liệu');
    log.error(
      'Nhập tệp không thành công',
      new AppError(
        'unsupported-file',
        'Không đọc được thư Outlook "a.msg": cấu trúc tệp Office cũ bị hỏng.',
        undefined,
        { cause: new Error('Header Signature: Expected D0CF11E0') },
      ),
    );
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^2026-12-01T02:00:00\.000Z INFO Khởi động: mở dữ liệu\n/);
    expect(text).toContain(
      '2026-12-01T02:00:00.000Z ERROR Nhập tệp không thành công: AppError: Không đọc được thư Outlook',
    );
    expect(text).toContain('cause: Error: Header Signature: Expected D0CF11E0');
  });

  it('rotates past its size, keeping the last few files, and never throws when it cannot write', () => {
    dir = makeTempDir();
    const log = createFileLog(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 20; i++) log.info(`dòng ${i} ${'x'.repeat(60)}`);
    expect(fs.readdirSync(dir).sort()).toEqual(['pcmd.1.log', 'pcmd.2.log', 'pcmd.log']);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('dòng 19');
    expect(fs.statSync(path.join(dir, 'pcmd.2.log')).size).toBeLessThan(400);
    // A log whose folder is a file cannot be written: the app goes on.
    const blocked = createFileLog(path.join(dir, 'pcmd.log', 'khong-the'));
    expect(() => blocked.error('lỗi', new Error('x'))).not.toThrow();
  });
});

describe("an import's or a sending's line in the log", () => {
  it('gives its counts by status, for a batch, one reply, or nothing (a cancelled dialog), and none for other channels', async () => {
    const { importSummary } = await import('./log-summaries');
    const r = (status: 'imported' | 'duplicate' | 'needs-review' | 'rejected') => ({
      file: 'x',
      status,
      unitCode: null,
      roundId: null,
      values: 0,
      warnings: [],
      errors: [],
    });
    expect(importSummary([r('imported'), r('imported'), r('needs-review'), r('duplicate'), r('rejected')])).toBe(
      '5 tệp: 2 đã nhập, 1 cần xem lại, 1 trùng, 1 lỗi',
    );
    expect(importSummary(r('imported'))).toBe('1 tệp: 1 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi');
    expect(importSummary(null)).toBe('0 tệp: 0 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi');
    const { channelSummary } = await import('./log-summaries');
    const sent = (status: string) => ({
      unitId: 1,
      unitCode: 'x',
      unitName: 'X',
      to: ['a@b.vn'],
      status,
      messageId: null,
      sentAt: null,
      error: null,
    });
    expect(channelSummary('mail:send-round', [sent('sent'), sent('no-address'), sent('failed')])).toBe(
      'mail:send-round: 3 đơn vị: 1 đã gửi, 0 bỏ qua, 1 lỗi, 1 chưa có địa chỉ',
    );
    expect(channelSummary('inbox:check-mailbox', [])).toBe(
      'inbox:check-mailbox: 0 tệp: 0 đã nhập, 0 cần xem lại, 0 trùng, 0 lỗi',
    );
    expect(channelSummary('units:list-units', [])).toBeNull();
  });
});
