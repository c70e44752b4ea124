import fs from 'node:fs';
import { z } from 'zod';
import { boundaryFlags, command, dbFile, dbFlag, pathText, withContext } from '../command';
import { roundsContract } from '../../../shared/api/rounds';
import { exportFormats } from '../../../shared/domain/appendix';
import { submissionStatusLabels } from '../../../shared/domain/rounds';
import { formatDate } from '../../../shared/text/format-vi';
import { createRound } from '../../services/rounds/create-round';
import { getRound, listSubmissions } from '../../services/rounds/completeness';
import { listRoundValues } from '../../services/rounds/round-values';
import { exportRoundTemplates } from '../../services/templates/export-templates';
import { exportRound, exportRoundTo, outputPath } from '../../services/export/export-round';
import { docxToPdf } from '../../services/export/docx-to-pdf';

const roundFlag = { round: { kind: 'id', field: 'round.roundId' } } as const;
const roundInput = roundsContract['rounds:list-submissions'].input;

export const roundsCommands = [
  command({
    name: 'round create',
    usage: `  round create --db TỆP --form ID --period KỲ --cutoff YYYY-MM-DD --deadline YYYY-MM-DD [--units all|MÃ,MÃ] [--json]
                                                  tạo đợt báo cáo (KỲ: 2025, 2025-H1, 2025-Q3, 2025-9M, 2025-07, 2016-2020)`,
    flags: {
      ...dbFlag,
      form: { kind: 'id', field: 'round.formId' },
      period: { kind: 'text', field: 'round.period' },
      cutoff: { kind: 'text', field: 'round.cutoffDate' },
      deadline: { kind: 'text', field: 'round.deadline' },
      units: { kind: 'all-or-list', field: 'round.units' },
      name: { kind: 'text', field: 'round.name' },
    },
    defaults: { round: { units: 'all' } },
    input: z.object({ db: dbFile, round: roundsContract['rounds:create-round'].input }),
    async run({ db, round: input }, { print }) {
      const round = await withContext(db, (ctx) => createRound(ctx, input));
      print(
        { id: round.id },
        () =>
          `Đã tạo đợt báo cáo số ${round.id}: ${round.name}, ${round.expectedUnits} đơn vị, hạn gửi ${formatDate(round.deadline)}.`,
      );
      return 0;
    },
  }),
  command({
    name: 'round templates',
    usage: '  round templates --db TỆP --round ID --out THƯ-MỤC  xuất biểu mẫu Excel và thư nháp .eml cho từng đơn vị',
    flags: { ...dbFlag, ...roundFlag, out: { kind: 'text' } },
    input: z.object({ db: dbFile, round: roundsContract['rounds:export-templates'].input, out: pathText }),
    async run({ db, round, out }, { print }) {
      const report = await withContext(db, (ctx) => exportRoundTemplates(ctx, round.roundId, out));
      print(
        report,
        () => `Đã ghi ${report.files.length} biểu mẫu Excel và ${report.files.length} thư nháp vào ${report.folder}.`,
      );
      return 0;
    },
  }),
  command({
    name: 'submissions',
    usage: '  submissions --db TỆP --round ID [--json]        tình hình nhận báo cáo của đợt',
    flags: { ...dbFlag, ...roundFlag },
    input: z.object({ db: dbFile, round: roundInput }),
    async run({ db, round }, { print }) {
      const entries = await withContext(db, async (ctx) => {
        await getRound(ctx, round.roundId);
        return listSubmissions(ctx, round.roundId);
      });
      const out = entries.map((e) => ({
        unitCode: e.unitCode,
        unitName: e.unitName,
        status: e.status,
        receivedAt: e.receivedAt,
        late: e.late,
        revisions: e.revisions,
      }));
      print(out, () =>
        entries
          .map(
            (e) =>
              `${e.unitCode}\t${e.unitName}\t${submissionStatusLabels[e.status]}${e.receivedAt ? `\t${formatDate(e.receivedAt)}` : ''}${e.daysLate > 0 ? `\ttrễ ${e.daysLate} ngày` : ''}`,
          )
          .join('\n'),
      );
      return 0;
    },
  }),
  command({
    name: 'values',
    usage: '  values --db TỆP --round ID [--json]             số liệu của đợt: mọi dòng số liệu của mọi đơn vị',
    flags: { ...dbFlag, ...roundFlag },
    input: z.object({ db: dbFile, round: roundInput }),
    async run({ db, round }, { print }) {
      const rows = await withContext(db, (ctx) => listRoundValues(ctx, round.roundId));
      print(rows, () =>
        rows
          .map(
            (v) =>
              `${v.unitCode}\t${v.row}\t${v.text}\t${v.value ?? ''}${v.flags.length ? `\t${v.flags.join('; ')}` : ''}`,
          )
          .join('\n'),
      );
      return 0;
    },
  }),
  command({
    name: 'export',
    usage: `  export --db TỆP --round ID --format docx|docx-template|xlsx|pdf|adx|csv [--by-unit] [--boundaries YYYY-MM-DD [--province MÃ]] --out ĐƯỜNG-DẪN
                                                  xuất phụ lục Word (theo mẫu có sẵn hoặc mẫu của cơ quan; PDF cần
                                                  LibreOffice), sổ Excel, DHIS2 ADX hoặc CSV; --boundaries: phụ lục, sổ Excel
                                                  theo đơn vị của ngày đó (quy đổi qua sáp nhập, chia tách)`,
    flags: {
      ...dbFlag,
      round: { kind: 'id', field: 'export.roundId' },
      format: { kind: 'text', field: 'export.format' },
      'by-unit': { kind: 'flag', field: 'export.byUnit' },
      ...boundaryFlags('export'),
      out: { kind: 'text' },
    },
    input: z.object({
      db: dbFile,
      out: pathText,
      // The window's export channel, and PDF, which the command line makes with LibreOffice.
      export: roundsContract['rounds:export'].input.extend({
        format: z.enum([...exportFormats, 'pdf'], {
          error: (issue) =>
            `Định dạng "${String(issue.input)}" không có; dùng docx, docx-template, xlsx, pdf, adx hoặc csv.`,
        }),
      }),
    }),
    async run({ db, out, export: choice }, { print }) {
      const { format, ...rest } = choice;
      const written = await withContext(db, async (ctx) => {
        if (format !== 'pdf') return exportRoundTo(ctx, { ...rest, format }, out);
        const docx = await exportRound(ctx, { ...rest, format: 'docx' });
        const target = outputPath(out, docx.fileName.replace(/\.docx$/, '.pdf'));
        fs.writeFileSync(target, await docxToPdf(docx.bytes));
        return target;
      });
      print({ file: written }, () => `Đã ghi ${written}`);
      return 0;
    },
  }),
];
