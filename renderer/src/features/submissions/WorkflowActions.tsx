import { useState } from 'react';
import { textLimits } from '../../../../shared/domain/limits';
import {
  allowedActions,
  workflowActionLabels,
  type SubmissionSheet,
  type WorkflowAction,
} from '../../../../shared/domain/submissions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useChangeStatus } from './queries';
import { text } from './text';

/** The report's next steps (checked, returned, approved and locked, unlocked); returning and unlocking ask why. */
export function WorkflowActions({
  sheet,
  roundId,
  unitId,
}: {
  sheet: SubmissionSheet;
  roundId: number;
  unitId: number;
}) {
  const workflow = useChangeStatus(roundId, unitId);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');

  const run = (action: WorkflowAction) => {
    workflow.reset();
    if ((action === 'unlock' || action === 'return') && asking !== action) {
      setAsking(action);
      setReason('');
      return;
    }
    workflow.mutate(
      { action, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setAsking(null) },
    );
  };

  return (
    <>
      {allowedActions(sheet.status).map((a) => (
        <button
          key={a}
          type="button"
          className={a === 'approve' ? 'primary' : undefined}
          title={text.actionHelp[a]}
          onClick={() => run(a)}
          disabled={workflow.isPending}
        >
          {workflowActionLabels[a]}
        </button>
      ))}
      {asking && (
        <form
          className="card compact inline-form workflow-reason"
          aria-label={asking === 'unlock' ? text.reasonLabel : text.returnReasonLabel}
          onSubmit={(e) => {
            e.preventDefault();
            run(asking);
          }}
        >
          <label>
            {asking === 'unlock' ? text.reasonLabel : text.returnReasonLabel}
            <input
              className="wide"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={textLimits.reason}
              autoFocus
            />
          </label>
          <button type="submit" className="primary" disabled={workflow.isPending}>
            {text.confirm}: {workflowActionLabels[asking]}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {text.cancel}
          </button>
        </form>
      )}
      <ErrorMessage error={workflow.error} />
    </>
  );
}
