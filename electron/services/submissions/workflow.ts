import { AppError } from '../../../shared/errors';
import { submissionStatusLabels, type SubmissionStatus } from '../../../shared/domain/rounds';
import {
  allowedActions,
  workflowActionLabels,
  type SubmissionSheet,
  type WorkflowAction,
} from '../../../shared/domain/submissions';
import type { ServiceContext } from '../context';
import { recheckSubmission } from './check-submission';
import { findSubmission } from '../../../db/submissions/find-submission';
import { getSubmissionSheet } from './submission-sheet';
import { insertSubmissionEvent, setSubmissionStatus } from '../../../db/submissions/repo';

export interface WorkflowInput {
  roundId: number;
  unitId: number;
  action: WorkflowAction;
  reason?: string;
}

const target: Record<WorkflowAction, SubmissionStatus> = {
  check: 'checked',
  return: 'returned',
  approve: 'approved',
  unlock: 'checked',
};

/**
 * Moves a submission along received → checked → returned → approved. Approving locks its figures
 * and is refused while errors remain; unlocking needs a reason, which is kept with the step. Every
 * step is written to the submission's log.
 */
export async function changeSubmissionStatus(ctx: ServiceContext, input: WorkflowInput): Promise<SubmissionSheet> {
  const now = ctx.clock().toISOString();
  const reason = input.reason?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const sub = await findSubmission(trx, input.roundId, input.unitId);
    if (!allowedActions(sub.status).includes(input.action)) {
      throw new AppError(
        'conflict',
        sub.status === 'expected'
          ? `${sub.unitName} chưa gửi báo cáo; chưa thể "${workflowActionLabels[input.action]}".`
          : `Báo cáo của ${sub.unitName} đang ở trạng thái "${submissionStatusLabels[sub.status]}"; không thể "${workflowActionLabels[input.action]}".`,
      );
    }
    if (input.action === 'unlock' && !reason)
      throw new AppError('invalid-input', 'Cần ghi lý do mở khóa (ví dụ: đơn vị gửi số liệu điều chỉnh).');
    if (input.action === 'check' || input.action === 'approve') {
      const checks = await recheckSubmission(trx, sub.id);
      if (checks.errors > 0) {
        throw new AppError(
          'conflict',
          `Báo cáo của ${sub.unitName} còn ${checks.errors} lỗi; hãy sửa, hoặc trả lại đơn vị, trước khi "${workflowActionLabels[input.action]}".`,
        );
      }
    }
    const to = target[input.action];
    await setSubmissionStatus(trx, sub.id, { status: to, locked: to === 'approved' ? 1 : 0 });
    await insertSubmissionEvent(trx, {
      submissionId: sub.id,
      action: input.action,
      from: sub.status,
      to,
      at: now,
      reason,
    });
  });
  return getSubmissionSheet(ctx, input.roundId, input.unitId);
}
