import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { command, dbFile, dbFlag, pathText, UsageError, withContext } from '../command';
import { backupFileName } from '../../services/backup/backups';
import { restoreBackupFile } from '../../services/backup/restore';
import { checkDatabaseFile } from '../../../db/check-database';

export const backupCommands = [
  command({
    name: 'backup',
    usage:
      '  backup --db TỆP --out THƯ-MỤC [--json]          sao lưu tệp dữ liệu (kể cả các tệp gốc đã nhận) vào thư mục',
    flags: { ...dbFlag, out: { kind: 'text' } },
    input: z.object({ db: dbFile, out: pathText }),
    async run({ db, out }, { print }) {
      const written = await withContext(db, async (ctx) => {
        fs.mkdirSync(out, { recursive: true });
        const target = path.join(out, backupFileName(ctx.clock(), 'thu-cong'));
        await ctx.copyDatabase(target);
        return target;
      });
      print({ file: written }, () => `Đã sao lưu vào ${written}`);
      return 0;
    },
  }),
  command({
    name: 'restore',
    usage:
      '  restore --db TỆP --from BẢN-SAO-LƯU [--json]     khôi phục từ một bản sao lưu (tệp dữ liệu hiện tại được sao lưu trước)',
    flags: { ...dbFlag, from: { kind: 'text' } },
    input: z.object({ db: dbFile, from: pathText }),
    async run({ db, from }, { print }) {
      if (!fs.existsSync(from)) throw new UsageError(`Không có tệp sao lưu "${from}".`);
      const result = await withContext(db, (ctx) => restoreBackupFile(ctx, path.resolve(from)));
      print(
        result,
        () =>
          `Đã khôi phục từ ${result.restored.name}: ${result.restored.units} đơn vị, ${result.restored.rounds} đợt báo cáo, ${result.restored.values} số liệu. Tệp dữ liệu trước khi khôi phục được giữ ở bản sao lưu ${result.safetyCopy}.`,
      );
      return 0;
    },
  }),
  command({
    name: 'check',
    usage:
      '  check --db TỆP [--full] [--json]                kiểm tra tệp dữ liệu (--full: cả tệp gốc và nguồn gốc số liệu); mã thoát 1 khi có lỗi',
    flags: { ...dbFlag, full: { kind: 'flag' } },
    input: z.object({ db: dbFile, full: z.boolean().optional() }),
    async run({ db, full }, { print }) {
      if (!fs.existsSync(db)) throw new UsageError(`Không có tệp dữ liệu "${db}".`);
      const report = await checkDatabaseFile(db, full === true);
      print(report, () =>
        report.ok
          ? `Tệp dữ liệu ${db} đạt kiểm tra${report.full ? ' đầy đủ' : ''}.`
          : report.problems.map((p) => `- ${p.message}`).join('\n'),
      );
      return report.ok ? 0 : 1;
    },
  }),
];
