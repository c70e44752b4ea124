import { AppError } from '../../../shared/errors';
import {
  getFormVersionRows,
  listIndicatorLinks,
  listIndicatorsForLinking,
  setIndicatorLink,
  type StoredFormRow,
} from '../../../db/forms/repo';
import { getUnitRow } from '../../../db/units/repo';
import { changeBetween, type ComparisonRow, type PeriodComparison } from '../../../shared/domain/comparison';
import type { RoundSummary } from '../../../shared/domain/rounds';
import { foldText } from '../../../shared/text/fold';
import type { ServiceContext } from '../context';
import { getRound } from './completeness';
import { rollupRound } from './rollup';
import { listRoundFigures } from '../../../db/values/repo';
import { aggregateValues } from '../../../shared/domain/aggregate';
import { formatDate } from '../../../shared/text/format-vi';
import type { BoundaryChoice } from '../targets/figures-in-boundaries';
import { RoundPlacement } from './round-in-boundaries';

interface RoundIndex {
  round: RoundSummary;
  byLineage: Map<number, StoredFormRow>;
  byText: Map<string, StoredFormRow>;
  figures: Map<number, number | null>;
}

const textKey = (r: { text: string }) => foldText(r.text);

/**
 * Compares the same indicators across rounds, oldest first, for the province (totals by each
 * indicator's rule) or one unit. The rows are the newest round's form; an older form's row answers
 * for one when it is the same indicator, is linked to it, or (saying so) has the same text.
 * A row whose unit of measure changed is not compared.
 */
export async function compareRounds(
  ctx: ServiceContext,
  input: { roundIds: number[]; unitId?: number } & BoundaryChoice,
): Promise<PeriodComparison> {
  if (input.roundIds.length < 2) throw new AppError('invalid-input', 'Cần chọn ít nhất hai đợt báo cáo để so sánh.');
  const rounds = (await Promise.all(input.roundIds.map((id) => getRound(ctx, id)))).sort((a, b) =>
    a.periodEnd.localeCompare(b.periodEnd),
  );
  let unitName: string | null = null;
  if (input.unitId !== undefined) {
    const unit = await getUnitRow(ctx.db, input.unitId);
    if (!unit) throw new AppError('not-found', `Không có đơn vị số ${input.unitId}.`);
    unitName = unit.name;
  }
  // In the boundaries of a day: every round's figures among that day's units (a unit compared must be one of that day).
  let place: RoundPlacement | null = null;
  if (input.boundaryDate !== undefined) {
    place = await RoundPlacement.load(ctx.db, input.boundaryDate, input, input.unitId !== undefined);
    if (input.unitId !== undefined && !place.boundary.unitsOfDay().some((u) => u.id === input.unitId)) {
      throw new AppError(
        'invalid-input',
        `Đơn vị "${unitName}" không có hiệu lực ngày ${formatDate(input.boundaryDate)}; hãy chọn một đơn vị của ngày đó.`,
      );
    }
  }
  const lineage = new Map((await listIndicatorLinks(ctx.db)).map((i) => [i.id, i.same_as_id ?? i.id]));
  const indexes: RoundIndex[] = [];
  for (const round of rounds) {
    const rows = (await getFormVersionRows(ctx.db, round.formVersionId)).filter(
      (r) => r.valueRow && r.indicatorId !== null,
    );
    let figures: Map<number, number | null>;
    if (place) {
      const placed = await place.figures(ctx.db, round.id);
      const rules = new Map(rows.map((r) => [r.indicatorId!, r.aggregation]));
      figures = new Map(
        [...placed].map(([indicatorId, values]) => [
          indicatorId,
          input.unitId !== undefined
            ? (values.get(input.unitId) ?? null)
            : aggregateValues(rules.get(indicatorId) ?? 'sum', values.values()).value,
        ]),
      );
    } else if (input.unitId === undefined) {
      figures = new Map([...(await rollupRound(ctx.db, round.id)).values()].map((t) => [t.indicatorId, t.value]));
    } else {
      const values = await listRoundFigures(ctx.db, round.id, { unitId: input.unitId });
      figures = new Map(values.map((v) => [v.indicator_id, v.num_value]));
    }
    indexes.push({
      round,
      byLineage: new Map(rows.map((r) => [lineage.get(r.indicatorId!) ?? r.indicatorId!, r])),
      byText: new Map(rows.map((r) => [textKey(r), r])),
      figures,
    });
  }
  const newest = indexes.at(-1)!;
  const formRows = await getFormVersionRows(ctx.db, newest.round.formVersionId);
  const out: ComparisonRow[] = formRows.map((r) => {
    const notes: string[] = [];
    const values = indexes.map((ix) => {
      if (!r.valueRow || r.indicatorId === null || r.valueType === 'text') return null;
      let match = ix.byLineage.get(lineage.get(r.indicatorId) ?? r.indicatorId);
      const byName = !match;
      if (!match) match = ix.byText.get(textKey(r));
      if (!match) {
        notes.push(`${ix.round.periodCode}: biểu mẫu kỳ này không có chỉ tiêu tương ứng.`);
        return null;
      }
      if (foldText(match.unit ?? '') !== foldText(r.unit ?? '')) {
        notes.push(`${ix.round.periodCode}: đơn vị tính khác (${match.unit ?? 'không ghi'}), không so sánh.`);
        return null;
      }
      if (byName) notes.push(`${ix.round.periodCode}: khớp theo tên chỉ tiêu.`);
      return ix.figures.get(match.indicatorId!) ?? null;
    });
    return {
      row: r.row,
      indicatorId: r.indicatorId,
      numbering: r.numbering,
      text: r.text,
      unit: r.unit,
      level: r.level,
      valueRow: r.valueRow,
      values,
      changes: values.slice(1).map((v, i) => changeBetween(values[i] ?? null, v)),
      notes,
    };
  });
  const boundaryNote = place ? place.note() : null;
  return {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, periodCode: r.periodCode, formId: r.formId })),
    unitName,
    rows: out,
    boundaryNote,
  };
}

/** Records that an indicator continues another (in an older form), so periods compare across forms. */
export async function linkIndicator(
  ctx: ServiceContext,
  input: { indicatorId: number; sameAsId: number | null },
): Promise<void> {
  if (input.sameAsId === input.indicatorId)
    throw new AppError('invalid-input', 'Một chỉ tiêu không thể nối với chính nó.');
  const ids = [input.indicatorId, ...(input.sameAsId === null ? [] : [input.sameAsId])];
  const found = await listIndicatorsForLinking(ctx.db, ids);
  if (found.length !== ids.length) throw new AppError('not-found', 'Không tìm thấy chỉ tiêu cần nối.');
  const target = found.find((f) => f.id === input.sameAsId);
  const self = found.find((f) => f.id === input.indicatorId)!;
  if (target && foldText(target.measure_unit ?? '') !== foldText(self.measure_unit ?? '')) {
    throw new AppError(
      'invalid-input',
      `Hai chỉ tiêu có đơn vị tính khác nhau (${self.measure_unit ?? 'không ghi'} và ${target.measure_unit ?? 'không ghi'}); không thể nối.`,
    );
  }
  // Links point at the lineage's first indicator, so a chain never forms.
  const root = target ? (target.same_as_id ?? target.id) : null;
  if (root === input.indicatorId) throw new AppError('invalid-input', 'Nối như vậy sẽ tạo vòng lặp giữa các chỉ tiêu.');
  await ctx.db.transaction().execute(async (trx) => {
    await setIndicatorLink(trx, input.indicatorId, root);
  });
}
