import { getFormVersionRows } from '../../../db/forms/repo';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { readCellValue } from '../../../shared/domain/cell-value';
import type { ChangeKind, SubmissionSheet } from '../../../shared/domain/submissions';
import type { ServiceContext } from '../context';
import { checkedRowsOf, recheckSubmission } from './check-submission';
import { findSubmission, type SubmissionRef } from '../../../db/submissions/find-submission';
import { getSubmissionSheet } from './submission-sheet';
import {
  listSubmissionValues,
  setSubmissionStatus,
  writeValueByHand,
  writeValueComment,
} from '../../../db/submissions/repo';

export interface ValueChange {
  indicatorId: number;
  /** As typed or pasted: Vietnamese number text, "Có"/"Không", or null to clear. */
  value: string | number | null;
}

export interface SaveValuesInput {
  roundId: number;
  unitId: number;
  how: ChangeKind;
  changes: ValueChange[];
  reason?: string;
}

/**
 * A form row as the clerk sees it on the sheet: its text, and its numbering when that says something
 * ("1.2", "a"; not the "-" or "+" that mark items), e.g. dòng «Cơ sở lưu trú (nhà nghỉ…)».
 */
function rowName(r: { numbering: string | null; text: string }): string {
  const text = r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text;
  return `dòng «${text}»${r.numbering && /[\p{L}\d]/u.test(r.numbering) ? ` (mục ${r.numbering})` : ''}`;
}

/** Who changes figures on the office PC: the app has no accounts, so the history names the way. */
const BY_HAND = 'người dùng';

export function refuseLocked(sub: SubmissionRef): void {
  if (sub.locked) {
    throw new AppError(
      'conflict',
      `Báo cáo của ${sub.unitName} đã được duyệt và khóa. Muốn sửa, hãy mở khóa (ghi rõ lý do) trước.`,
    );
  }
}

/**
 * Stores figures typed or pasted into a unit's submission, all or none: each is read as its
 * indicator's type (Vietnamese numbers, Có/Không), text that is not a figure is refused with where it
 * is, and each real change goes to the value's history with how it was made. A figure typed in
 * replaces what a file said, so its provenance becomes "by hand". The submission is re-checked, and a
 * unit that had not answered counts as received (a report on paper).
 */
export async function saveValues(ctx: ServiceContext, input: SaveValuesInput): Promise<SubmissionSheet> {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const sub = await findSubmission(trx, input.roundId, input.unitId);
    refuseLocked(sub);
    const formRows = await getFormVersionRows(trx, sub.formVersionId);
    const rowOf = new Map(formRows.filter((r) => r.valueRow && r.indicatorId !== null).map((r) => [r.indicatorId!, r]));
    const details: ErrorDetail[] = [];
    const readings = input.changes.map((c) => {
      const r = rowOf.get(c.indicatorId);
      if (!r) {
        details.push({ where: `chỉ tiêu ${c.indicatorId}`, message: 'không phải một dòng số liệu của biểu mẫu này' });
        return null;
      }
      const raw = typeof c.value === 'string' && c.value.trim() === '' ? null : c.value;
      const reading = readCellValue(raw, r.valueType);
      if (reading.problem && reading.value === null) details.push({ where: rowName(r), message: reading.problem });
      return { indicatorId: c.indicatorId, num: reading.value, text: reading.problem ? null : reading.text };
    });
    if (details.length > 0) {
      throw new AppError(
        'invalid-input',
        `Chưa lưu: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}.`,
        details,
      );
    }
    const existing = await listSubmissionValues(trx, sub.id);
    const byIndicator = new Map(existing.map((v) => [v.indicator_id, v]));
    let changed = 0;
    for (const r of readings) {
      const c = r!;
      const old = byIndicator.get(c.indicatorId);
      if (old && old.num_value === c.num && old.text_value === c.text) continue;
      if (!old && c.num === null && c.text === null) continue;
      await writeValueByHand(trx, {
        submissionId: sub.id,
        indicatorId: c.indicatorId,
        old,
        num: c.num,
        text: c.text,
        by: BY_HAND,
        reason: input.reason ?? null,
        how: input.how,
        now,
      });
      changed++;
    }
    if (changed === 0) return;
    if (sub.status === 'expected') {
      await setSubmissionStatus(trx, sub.id, { status: 'received', receivedAt: now });
    }
    await recheckSubmission(trx, sub.id, await checkedRowsOf(trx, sub.formVersionId, formRows));
  });
  return getSubmissionSheet(ctx, input.roundId, input.unitId);
}

/** A note on one figure ("đã xác minh qua điện thoại"); allowed on an approved submission too. */
export async function saveComment(
  ctx: ServiceContext,
  input: { roundId: number; unitId: number; indicatorId: number; comment: string | null },
): Promise<SubmissionSheet> {
  const now = ctx.clock().toISOString();
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  await ctx.db.transaction().execute(async (trx) => {
    const sub = await findSubmission(trx, input.roundId, input.unitId);
    const row = (await getFormVersionRows(trx, sub.formVersionId)).find(
      (r) => r.valueRow && r.indicatorId === input.indicatorId,
    );
    if (!row)
      throw new AppError(
        'invalid-input',
        `Chỉ tiêu ${input.indicatorId} không phải một dòng số liệu của biểu mẫu này.`,
      );
    await writeValueComment(trx, sub.id, input.indicatorId, comment, now);
  });
  return getSubmissionSheet(ctx, input.roundId, input.unitId);
}
