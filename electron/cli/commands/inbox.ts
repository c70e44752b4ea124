import { z } from 'zod';
import { command, dbFile, dbFlag, pathText, withContext } from '../command';
import { id } from '../../../shared/api/common-schemas';
import { importPaths } from '../../services/inbox/import-batch';

export const inboxCommands = [
  command({
    name: 'import',
    usage: `  import --db TỆP [--round ID] ĐƯỜNG-DẪN...        nhập báo cáo đơn vị gửi (.eml, .xlsx, .xls, .docx, hoặc cả thư mục);
                                                  in một dòng JSON cho mỗi tệp`,
    flags: { ...dbFlag, round: { kind: 'id', field: 'roundId' } },
    rest: 'paths',
    input: z.object({
      db: dbFile,
      roundId: id.optional(),
      paths: z.array(pathText).min(1, 'Cần ít nhất một tệp hoặc thư mục để nhập.'),
    }),
    async run({ db, roundId, paths }, { io }) {
      // One line per file on stderr while the batch runs (stdout keeps one JSON result per file).
      const progress = (done: number, total: number, file: string) => {
        if (done < total) io.err(`Đang nhập ${done + 1}/${total}: ${file}`);
      };
      // Each file's line is printed as soon as it is stored: a large batch keeps no list of results.
      await withContext(db, (ctx) =>
        importPaths(ctx, paths, progress, {
          ...(roundId === undefined ? {} : { roundId }),
          onResult: (r) => io.out(JSON.stringify(r)),
        }),
      );
      return 0;
    },
  }),
];
