import { z } from 'zod';
import { command, dbFile, dbFlag, pathText, withContext } from '../command';
import { describeOfficeImport } from '../../../shared/domain/office-import';
import { importOfficeDatabase } from '../../services/office/import-office';

export const officeCommands = [
  command({
    name: 'office import',
    usage: `  office import --db TỆP --from TỆP-KHÁC.db [--json]  nhập cơ sở dữ liệu của văn phòng tỉnh đã hợp nhất vào tỉnh này
                                                  (đơn vị, biểu mẫu, đợt, số liệu, tệp gốc, lịch sử); nhập lại chỉ thêm phần mới`,
    flags: { ...dbFlag, from: { kind: 'text', field: 'file' } },
    input: z.object({ db: dbFile, file: pathText }),
    async run({ db, file }, { print }) {
      const r = await withContext(db, (ctx) => importOfficeDatabase(ctx, { file }));
      print(r, () => describeOfficeImport(r).join('\n'));
      return 0;
    },
  }),
];
