import { useState } from 'react';
import type { TaskSummary } from '../../../../shared/domain/plans';
import { foldText } from '../../../../shared/text/fold';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAddUnit, useUnits } from '../units/queries';
import { useSetTaskLead } from './queries';
import { text } from './text';

const t = text.lead;

/** A code suggested for an agency's name: its words' initials ("Sở Y tế" → "SYT"). */
const initials = (name: string) =>
  foldText(name)
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 12);

/**
 * Who leads a task: the unit it was matched to, or the agency as the plan writes it, kept even when it
 * matched no unit, with "Khớp…" to choose a unit of the list or add the agency to the list (the form
 * opens in a row of its own under the task, so the table keeps its columns).
 */
export function TaskLead({ task, onMatch }: { task: TaskSummary; onMatch: () => void }) {
  if (task.leadUnitName) return <span>{task.leadUnitName}</span>;
  if (!task.leadText) return <span className="muted">{text.unnamedLead}</span>;
  return (
    <div>
      {task.leadText}
      <div className="why">{t.unmatched}</div>
      <button type="button" className="link-button" onClick={onMatch}>
        {t.match}
      </button>
    </div>
  );
}

/** Matches a task's agency to a unit of the list, or adds it to the list as a department. */
export function MatchLead({ task, onDone }: { task: TaskSummary; onDone: () => void }) {
  const leadText = task.leadText ?? '';
  const units = useUnits();
  const setLead = useSetTaskLead();
  const addUnit = useAddUnit();
  const [code, setCode] = useState(() => initials(leadText));
  return (
    <div className="inline-form lead-match" aria-label={t.title(leadText)} role="group">
      <label>
        {t.choose}
        <select
          value=""
          onChange={(e) =>
            e.target.value && setLead.mutate({ taskId: task.id, unitId: Number(e.target.value) }, { onSuccess: onDone })
          }
        >
          <option value="">—</option>
          {units.data
            ?.filter((u) => u.kind !== 'province')
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t.newCode(leadText)}
        <input value={code} maxLength={40} onChange={(e) => setCode(e.target.value)} />
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={addUnit.isPending || code.trim() === ''}
          onClick={() =>
            addUnit.mutate(
              { code: code.trim(), name: leadText, kind: 'department' },
              { onSuccess: (r) => setLead.mutate({ taskId: task.id, unitId: r.id }, { onSuccess: onDone }) },
            )
          }
        >
          {t.add(leadText)}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
      <ErrorMessage error={addUnit.error ?? setLead.error} />
    </div>
  );
}
