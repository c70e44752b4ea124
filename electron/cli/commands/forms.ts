import { z } from 'zod';
import { command, dbFile, dbFlag, pathText, withContext } from '../command';
import { importFormFile } from '../../services/forms/import-form';
import { listFormSummaries } from '../../../db/forms/repo';
import { formName } from '../../../shared/api/forms';

export const formsCommands = [
  command({
    name: 'form import',
    usage: '  form import --db TỆP --file PHỤ-LỤC.docx|.xlsx|.xls [--name TÊN] [--json]   nhập biểu mẫu từ phụ lục',
    flags: { ...dbFlag, file: { kind: 'text' }, name: { kind: 'text' } },
    input: z.object({ db: dbFile, file: pathText, name: formName.optional() }),
    async run({ db, file, name }, { print }) {
      const saved = await withContext(db, (ctx) => importFormFile(ctx, file, name));
      const out = {
        id: saved.id,
        rows: saved.rows.map((r) => ({
          row: r.row,
          text: r.text,
          unit: r.unit,
          parentRow: r.parentRow,
          valueRow: r.valueRow,
        })),
      };
      print(
        out,
        () =>
          `Đã lưu biểu mẫu số ${saved.id}: ${saved.rows.length} dòng, ${saved.rows.filter((r) => r.valueRow).length} dòng số liệu.`,
      );
      return 0;
    },
  }),
  command({
    name: 'form list',
    usage: '  form list --db TỆP [--json]                     liệt kê biểu mẫu',
    flags: { ...dbFlag },
    input: z.object({ db: dbFile }),
    async run({ db }, { print }) {
      const forms = await withContext(db, (ctx) => listFormSummaries(ctx.db));
      print(
        forms,
        () =>
          forms.map((f) => `${f.id}\t${f.name}\tphiên bản ${f.latestVersion}\t${f.rows} dòng`).join('\n') ||
          'Chưa có biểu mẫu nào.',
      );
      return 0;
    },
  }),
];
