import { performance } from 'node:perf_hooks';
import type { FormRowDraft } from '../shared/domain/forms';
import type { TargetKind } from '../shared/domain/plans';
import { fillRound, seedProvince } from './province';
import { createTestContext } from '../electron/testing/service-context';
import { saveNewForm } from '../electron/services/forms/import-form';
import { createRound } from '../electron/services/rounds/create-round';
import { createPlan } from '../electron/services/plans/save-plan';
import { evaluateTargets } from '../electron/services/targets/evaluate-targets';
import { rollupRound } from '../electron/services/rounds/rollup';
import { figureRows } from '../db/values/repo';
import { median } from './median';
import { listTargetDefinitions } from '../db/plans/repo';

const UNITS = 170;
const YEARS = 10;
const INDICATORS = 60;
const TARGETS = 50;

export interface TargetFigures {
  evaluateMs: number;
  sqlFloorMs: number;
  evaluations: number;
  /** Rolling up the ten rounds to the province, each by its indicators' rules (rollupRound). */
  rollupMs: number;
  /** The same ten rounds, one plain GROUP BY each. */
  rollupSqlMs: number;
}

/**
 * 50 targets of every kind over 10 yearly rounds × 170 communes × 60 indicators (102,000 figures):
 * the whole evaluation, against the floor of the one query that reads the figures it needs; and the
 * province roll-up of the ten rounds against one GROUP BY per round over the same figures.
 */
export async function benchTargets(): Promise<TargetFigures> {
  const ctx = await createTestContext(new Date('2026-11-23T08:00:00Z'));
  try {
    const now = ctx.clock().toISOString();
    await seedProvince(ctx.db, { count: UNITS, now, name: (i) => `Xã ${i + 1}` });
    const rows: FormRowDraft[] = Array.from({ length: INDICATORS }, (_, k) => ({
      row: k + 1,
      numbering: String(k + 1),
      text: `Chỉ tiêu ${k + 1}`,
      unit: k % 10 === 9 ? 'Có/Không' : 'Người',
      parentRow: null,
      level: 0,
      valueRow: true,
      valueType: k % 10 === 9 ? 'yes-no' : 'integer',
      aggregation: k % 10 === 9 ? 'count-yes' : 'sum',
      childRule: 'none',
      notes: [],
    }));
    const form = await saveNewForm(ctx, { name: 'Biểu năm', rows });
    const indicatorIds = form.rows.map((r) => r.indicatorId!);
    const roundIds: number[] = [];
    for (let y = 2016; y < 2016 + YEARS; y++) {
      const round = await createRound(ctx, {
        formId: form.id,
        period: String(y),
        cutoffDate: `${y}-12-14`,
        deadline: `${y}-12-20`,
        units: 'all',
      });
      roundIds.push(round.id);
      await fillRound(
        ctx,
        round.id,
        indicatorIds,
        (unitId, k) => (k % 10 === 9 ? ((unitId + y) % 5 === 0 ? 0 : 1) : 50 + ((unitId * 7 + k * 13 + y * 3) % 40)),
        'approved',
      );
    }
    const kinds: TargetKind[] = ['ratio', 'share-of-units', 'growth', 'cumulative', 'count', 'yes-no'];
    await createPlan(ctx, {
      programmeId: null,
      docNumber: null,
      docDate: null,
      issuer: 'UBND tỉnh',
      signer: null,
      type: 'five-year',
      title: 'Kế hoạch đo',
      periodStart: 2016,
      periodEnd: 2025,
      legalBasis: null,
      fullText: null,
      tasks: [],
      targets: Array.from({ length: TARGETS }, (_, t) => {
        const kind = kinds[t % kinds.length]!;
        const ind = indicatorIds[(t * 7) % INDICATORS]!;
        const yesNo = indicatorIds[(t % 6) * 10 + 9]!;
        return {
          code: String(t + 1),
          text: `Chỉ tiêu đo ${t + 1}`,
          kind,
          comparator: kind === 'growth' ? 'between' : kind === 'yes-no' ? '=' : '>=',
          threshold: kind === 'yes-no' ? 1 : kind === 'growth' ? 3 : kind === 'count' ? 5000 : 70,
          thresholdHigh: kind === 'growth' ? 5 : null,
          scope: t % 10 === 0 && kind === 'ratio' ? 'each-unit' : 'province',
          indicatorId: kind === 'share-of-units' || kind === 'yes-no' ? yesNo : ind,
          denominatorIndicatorId:
            kind === 'ratio' || kind === 'cumulative' ? indicatorIds[(t * 7 + 1) % INDICATORS]! : null,
          denominatorRegister: null,
          unitKind: kind === 'share-of-units' ? 'commune' : null,
          conditionComparator: null,
          conditionValue: null,
          periodFrom: null,
          periodTo: null,
          deadlineYear: kind === 'cumulative' ? 2025 : null,
          sourceText: null,
        };
      }),
    });

    let evaluations = 0;
    const evalTimes: number[] = [];
    const sqlTimes: number[] = [];
    const targetIndicators = [
      ...new Set(
        (await listTargetDefinitions(ctx.db))
          .flatMap((t) => [t.indicatorId, t.denominatorIndicatorId])
          .filter((x): x is number => x !== null),
      ),
    ];
    for (let i = 0; i < 9; i++) {
      let t0 = performance.now();
      const list = await evaluateTargets(ctx, { asOf: '2026-06-30' });
      evalTimes.push(performance.now() - t0);
      evaluations = list.length;
      t0 = performance.now();
      await figureRows(ctx.db, roundIds, targetIndicators);
      sqlTimes.push(performance.now() - t0);
    }
    const groupBy = ctx.database.sqlite.prepare(
      'SELECT d.indicator_id, sum(d.num_value) FROM data_value d JOIN submission s ON s.id = d.submission_id WHERE s.round_id = ? GROUP BY d.indicator_id',
    );
    const rollupTimes: number[] = [];
    const rollupSqlTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      let t0 = performance.now();
      for (const id of roundIds) await rollupRound(ctx.db, id);
      rollupTimes.push(performance.now() - t0);
      t0 = performance.now();
      for (const id of roundIds) groupBy.all(id);
      rollupSqlTimes.push(performance.now() - t0);
    }
    return {
      evaluateMs: median(evalTimes),
      sqlFloorMs: median(sqlTimes),
      evaluations,
      rollupMs: median(rollupTimes),
      rollupSqlMs: median(rollupSqlTimes),
    };
  } finally {
    await ctx.dispose();
  }
}

if (process.argv[1]?.endsWith('targets-bench.ts')) {
  const r = await benchTargets();
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
