import { z } from 'zod';
import { boundaryFlags, command, dbFile, dbFlag, withContext } from '../command';
import { targetsContract } from '../../../shared/api/targets';
import { targetStatusLabels } from '../../../shared/domain/targets';
import { evaluateTargets } from '../../services/targets/evaluate-targets';

export const targetsCommands = [
  command({
    name: 'targets evaluate',
    usage: `  targets evaluate --db TỆP [--plan ID] [--as-of YYYY-MM-DD] [--boundaries YYYY-MM-DD [--province MÃ]] [--json]
                                                  đánh giá các chỉ tiêu của kế hoạch theo số liệu đã nhận, từng năm;
                                                  --boundaries: theo địa giới của ngày đó (quy đổi qua sáp nhập, chia tách)`,
    flags: {
      ...dbFlag,
      plan: { kind: 'id', field: 'options.planId' },
      'as-of': { kind: 'text', field: 'options.asOf' },
      ...boundaryFlags('options'),
    },
    defaults: { options: {} },
    input: z.object({
      db: dbFile,
      options: targetsContract['targets:evaluate'].input.refine(
        (o) => o.province === undefined || o.boundaryDate !== undefined,
        { message: 'chỉ dùng cùng --boundaries', path: ['province'] },
      ),
    }),
    async run({ db, options }, { print }) {
      const list = await withContext(db, (ctx) => evaluateTargets(ctx, options));
      const out = list.map((e) => ({
        targetId: e.targetId,
        planId: e.planId,
        code: e.code,
        text: e.text,
        kind: e.kind,
        period: e.period,
        scope: e.scope,
        actual: e.actual,
        threshold: e.threshold,
        thresholdHigh: e.thresholdHigh,
        comparator: e.comparator,
        status: e.status,
        explanation: e.explanation,
      }));
      print(
        out,
        () =>
          list
            .map((e) => `${e.code}\t${e.period}\t${e.scopeName}\t${targetStatusLabels[e.status]}\t${e.explanation}`)
            .join('\n') || 'Chưa có chỉ tiêu nào để đánh giá.',
      );
      return 0;
    },
  }),
];
