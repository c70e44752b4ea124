import type { AppendixTable } from '../../../shared/domain/appendix';
import { appendixRow } from '../../../shared/domain/appendix';
import type { OfficeProfile } from '../../../shared/domain/office';
import { getOfficeProfile } from '../settings/office-profile';
import type { ServiceContext } from '../context';
import { getRound } from '../rounds/completeness';
import { getRoundMatrix } from '../rounds/round-matrix';
import type { BoundaryChoice } from '../targets/figures-in-boundaries';

export interface AppendixOptions extends BoundaryChoice {
  /** One column per unit plus the province total, instead of the total alone. */
  byUnit?: boolean;
  /** "12" in "Báo cáo số 12/BC-SYT"; dots when not yet numbered. */
  reportNumber?: string;
  /** ISO date of the report; dots when not yet dated. */
  reportDate?: string;
  label?: string;
  title?: string;
}

const DOTS = '…';

/** "(Kèm theo Báo cáo số 12/BC-SYT ngày 05/01/2026 của Sở Y tế)", with dots for what is not yet known. */
export function appendixCaption(office: OfficeProfile, options: AppendixOptions): string {
  const symbol = office.symbol ? `/BC-${office.symbol}` : '/BC';
  const date = options.reportDate
    ? `ngày ${options.reportDate.slice(8, 10)}/${options.reportDate.slice(5, 7)}/${options.reportDate.slice(0, 4)}`
    : `ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  const of = office.officeNameInText ? ` của ${office.officeNameInText}` : '';
  return `(Kèm theo Báo cáo số ${options.reportNumber?.trim() || DOTS}${symbol} ${date}${of})`;
}

/** A round's figures as an appendix table: the province total, or each unit and the total. */
export async function appendixFromRound(
  ctx: ServiceContext,
  roundId: number,
  options: AppendixOptions = {},
): Promise<{ table: AppendixTable; office: OfficeProfile; roundName: string }> {
  const round = await getRound(ctx, roundId);
  const office = await getOfficeProfile(ctx.db);
  const matrix = await getRoundMatrix(ctx, roundId, options);
  const picked = matrix.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'total' || (options.byUnit && c.kind === 'unit'));
  const columns = options.byUnit ? picked.map(({ c }) => c.label) : ['Số lượng'];
  return {
    office,
    roundName: round.name,
    table: {
      label: options.label ?? 'PHỤ LỤC',
      title: (
        options.title ??
        `Số liệu ${round.formName.replace(/^./, (ch) => ch.toLocaleLowerCase('vi'))} ${round.periodLabel.replace(/^./, (ch) => ch.toLocaleLowerCase('vi'))}`
      ).toLocaleUpperCase('vi'),
      caption: appendixCaption(office, options),
      ...(matrix.boundaryNote ? { note: matrix.boundaryNote } : {}),
      columns,
      rows: matrix.rows.map((r) =>
        appendixRow(
          r,
          picked.map(({ i }) => r.cells[i] ?? null),
        ),
      ),
    },
  };
}
