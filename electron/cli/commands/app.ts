import { z } from 'zod';
import { command, dbFile, dbFlag, withContext } from '../command';
import { createDemo } from '../../services/demo/create-demo';
import { getStatus } from '../../services/app/get-status';

export const appCommands = [
  command({
    name: 'init',
    usage:
      '  init --db TỆP [--demo] [--json]                 tạo (hoặc nâng cấp) tệp dữ liệu; --demo: thêm dữ liệu mẫu',
    flags: { ...dbFlag, demo: { kind: 'flag' } },
    input: z.object({ db: dbFile, demo: z.boolean().optional() }),
    async run({ db, demo }, { print }) {
      const result = await withContext(db, async (ctx) => {
        const made = demo ? await createDemo(ctx, { history: true }) : null;
        return { database: db, demo: made, status: await getStatus(ctx) };
      });
      print(
        result,
        () =>
          `Đã sẵn sàng tệp dữ liệu ${db}: ${result.status.counts.units} đơn vị, ${result.status.counts.plans} kế hoạch, ${result.status.counts.targets} chỉ tiêu, ${result.status.counts.tasks} nhiệm vụ.`,
      );
      return 0;
    },
  }),
];
