import fs from 'node:fs';
import { z } from 'zod';
import { boundaryFlags, command, dbFile, dbFlag, pathText, withContext } from '../command';
import { plansContract } from '../../../shared/api/plans';
import { isoDate } from '../../../shared/api/common-schemas';
import { exportReviewReport } from '../../services/export/review-report';
import { outputPath } from '../../services/export/export-round';

export const plansCommands = [
  command({
    name: 'report',
    usage: `  report --db TỆP --plan ID [--round ID] [--by-unit] [--as-of YYYY-MM-DD] [--boundaries YYYY-MM-DD [--province MÃ]] --out ĐƯỜNG-DẪN
                                                  dự thảo báo cáo kết quả thực hiện kế hoạch (Word), kèm phụ lục của đợt`,
    flags: {
      ...dbFlag,
      plan: { kind: 'id', field: 'report.planId' },
      round: { kind: 'id', field: 'report.roundId' },
      'by-unit': { kind: 'flag', field: 'report.byUnit' },
      'as-of': { kind: 'text', field: 'asOf' },
      ...boundaryFlags('report'),
      out: { kind: 'text' },
    },
    input: z.object({
      db: dbFile,
      out: pathText,
      asOf: isoDate.optional(),
      report: plansContract['plans:export-report'].input,
    }),
    async run({ db, out, asOf, report: choice }, { print }) {
      const written = await withContext(db, async (ctx) => {
        const report = await exportReviewReport(ctx, {
          ...choice,
          byUnit: choice.byUnit === true,
          ...(asOf ? { asOf } : {}),
        });
        const target = outputPath(out, report.fileName);
        fs.writeFileSync(target, report.bytes);
        return target;
      });
      print({ file: written }, () => `Đã ghi ${written}`);
      return 0;
    },
  }),
];
