import { useState } from 'react';
import type { FormSummary } from '../../../../shared/domain/forms';
import type { RoundSummary } from '../../../../shared/domain/rounds';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUnits } from '../units/queries';
import { useCreateRound } from './queries';
import { text } from './text';

const pickKinds = ['district', 'commune', 'department'] as const;
const reportingKinds = new Set<string>(pickKinds);

export function CreateRoundPanel({
  forms,
  onCreated,
  onCancel,
}: {
  forms: FormSummary[];
  onCreated: (r: RoundSummary) => void;
  onCancel: () => void;
}) {
  const units = useUnits();
  const create = useCreateRound();
  const [formId, setFormId] = useState(forms[0]?.id ?? 0);
  const [name, setName] = useState('');
  const [period, setPeriod] = useState('');
  const [cutoffDate, setCutoff] = useState('');
  const [deadline, setDeadline] = useState('');
  const [mode, setMode] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const t = text.create;
  const reporting = (units.data ?? []).filter((u) => reportingKinds.has(u.kind));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        formId,
        period,
        cutoffDate,
        deadline,
        units: mode === 'all' ? 'all' : [...chosen],
        ...(name.trim() ? { name } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="card" onSubmit={submit} aria-label={t.title}>
      <h2>{t.title}</h2>
      <ErrorMessage error={create.error} />
      <div className="form-grid">
        <label>
          {t.form}
          <select value={formId} onChange={(e) => setFormId(Number(e.target.value))}>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.name}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t.period}
          <input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={t.periodHelp} />
        </label>
        <label>
          {t.cutoff}
          <input type="date" value={cutoffDate} onChange={(e) => setCutoff(e.target.value)} />
        </label>
        <label>
          {t.deadline}
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t.units}</legend>
        <label className="inline">
          <input type="radio" checked={mode === 'all'} onChange={() => setMode('all')} /> {t.allUnits}
        </label>
        <label className="inline">
          <input type="radio" checked={mode === 'some'} onChange={() => setMode('some')} /> {t.someUnits}
        </label>
        {mode === 'some' && (
          <div className="toolbar wrap unit-pick-tools">
            <button type="button" onClick={() => setChosen(new Set(reporting.map((u) => u.code)))}>
              {t.pickAll}
            </button>
            {pickKinds
              .filter((k) => reporting.some((u) => u.kind === k))
              .map((k) => (
                <button
                  key={k}
                  type="button"
                  onClick={() =>
                    setChosen(new Set([...chosen, ...reporting.filter((u) => u.kind === k).map((u) => u.code)]))
                  }
                >
                  {t.pickKind[k]}
                </button>
              ))}
            <button type="button" onClick={() => setChosen(new Set())}>
              {t.pickNone}
            </button>
            <span className="muted" data-testid="picked-count">
              {t.picked(chosen.size, reporting.length)}
            </span>
          </div>
        )}
        {mode === 'some' && (
          <div className="unit-picks">
            {reporting.map((u) => (
              <label key={u.id} className="inline">
                <input
                  type="checkbox"
                  checked={chosen.has(u.code)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(u.code);
                    else next.delete(u.code);
                    setChosen(next);
                  }}
                />{' '}
                {u.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t.creating : t.submit}
        </button>
      </div>
    </form>
  );
}
