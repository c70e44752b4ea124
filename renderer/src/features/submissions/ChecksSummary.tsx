import { submissionStatusLabels } from '../../../../shared/domain/rounds';
import { workflowActionLabels, type SubmissionSheet } from '../../../../shared/domain/submissions';
import { formatDateTime } from '../../../../shared/text/format-vi';
import { text } from './text';

/**
 * What the checks found, each finding a button that takes the clerk to its row; then the log of the
 * report's workflow (checked, returned, approved, unlocked with the reason).
 */
export function ChecksSummary({ sheet, onGoTo }: { sheet: SubmissionSheet; onGoTo: (row: number) => void }) {
  const found = [
    ...sheet.rows.flatMap((r) => r.problems.map((p) => ({ ...p, row: r.row, rowText: r.text }))),
    ...sheet.otherProblems.map((p) => ({ ...p, row: null, rowText: null })),
  ];
  const errors = found.filter((p) => p.severity === 'error').length;
  const summary = text.checks(errors, found.length - errors);
  return (
    <div className="checks-summary" aria-label={summary}>
      <strong>{summary}</strong>
      {found.length > 0 && (
        <ul className="notes problem-list" data-testid="problems">
          {found.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'flag-error' : 'flag-warning'}>
              {p.severity === 'error' ? text.errorMark : text.warningMark}{' '}
              {p.row !== null ? (
                <button
                  type="button"
                  className="link-button problem-link"
                  title={text.goTo(p.rowText ?? '')}
                  onClick={() => onGoTo(p.row)}
                >
                  {p.message}
                </button>
              ) : (
                <span>
                  {text.otherProblem}: {p.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {sheet.events.length > 0 && (
        <details>
          <summary>
            {text.log} ({sheet.events.length})
          </summary>
          <ul className="notes" data-testid="events">
            {sheet.events.map((ev, i) => (
              <li key={i}>
                {formatDateTime(ev.at)}: {workflowActionLabels[ev.action]} ({submissionStatusLabels[ev.fromStatus]} →{' '}
                {submissionStatusLabels[ev.toStatus]}){ev.reason ? ` — ${ev.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
