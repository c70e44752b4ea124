import { Fragment, useState } from 'react';
import { taskStatusLabels, type TaskSummary } from '../../../../shared/domain/plans';
import { formatDate, formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUpdateTask } from './queries';
import { text } from './text';
import { Options } from '../../ui/Options';
import { MatchLead, TaskLead } from './TaskLead';

const settable = ['not-started', 'in-progress', 'done'] as const;

/** A plan's tasks: who leads, who takes part, the deadline, the status and the progress notes; overdue ones marked. */
export function TasksTable({ tasks }: { tasks: TaskSummary[] }) {
  const update = useUpdateTask();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [matching, setMatching] = useState<number | null>(null);
  const shown = overdueOnly ? tasks.filter((t) => t.overdue) : tasks;
  if (tasks.length === 0) return <p className="muted">{text.noTasks}</p>;
  return (
    <>
      <label className="inline-check">
        <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />{' '}
        {text.overdueOnly} ({tasks.filter((t) => t.overdue).length})
      </label>
      <ErrorMessage error={update.error} />
      <table className="table tasks-table" aria-label={text.planTasks}>
        <colgroup>
          <col className="col-content" />
          <col className="col-lead" />
          <col className="col-coordinators" />
          <col className="col-deadline" />
          <col className="col-status" />
          <col className="col-notes" />
        </colgroup>
        <thead>
          <tr>
            <th>{text.col.content}</th>
            <th className="col-lead">{text.col.lead}</th>
            <th>{text.col.coordinators}</th>
            <th>{text.col.deadline}</th>
            <th>{text.col.status}</th>
            <th>{text.col.notes}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t) => (
            <Fragment key={t.id}>
              <tr>
                <td>{t.content}</td>
                <td className="col-lead">
                  <TaskLead task={t} onMatch={() => setMatching(matching === t.id ? null : t.id)} />
                </td>
                <td>{text.andOthers(t.coordinatingUnitNames)}</td>
                <td className="nowrap">
                  {formatDate(t.deadline)}
                  {t.overdue && <div className="overdue">{text.overdue}</div>}
                </td>
                <td>
                  <select
                    aria-label={text.taskStatus(t.content)}
                    value={t.status === 'overdue' ? 'in-progress' : t.status}
                    onChange={(e) =>
                      update.mutate({ taskId: t.id, status: e.target.value as (typeof settable)[number] })
                    }
                  >
                    <Options values={settable} labels={taskStatusLabels} />
                  </select>
                </td>
                <td>
                  {t.notes.map((n, i) => (
                    <div key={i} className="why">
                      {formatDateTime(n.notedAt)}: {n.text}
                    </div>
                  ))}
                  <div className="note-entry">
                    <input
                      type="text"
                      aria-label={text.taskProgress(t.content)}
                      placeholder={text.notePlaceholder}
                      value={notes[t.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [t.id]: e.target.value })}
                    />
                    <button
                      type="button"
                      disabled={!notes[t.id]?.trim()}
                      onClick={() =>
                        update.mutate(
                          { taskId: t.id, note: notes[t.id]! },
                          { onSuccess: () => setNotes({ ...notes, [t.id]: '' }) },
                        )
                      }
                    >
                      {text.addNote}
                    </button>
                  </div>
                </td>
              </tr>
              {matching === t.id && (
                <tr className="subrow">
                  <td colSpan={6}>
                    <MatchLead task={t} onDone={() => setMatching(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
