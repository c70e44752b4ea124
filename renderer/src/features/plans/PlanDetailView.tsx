import { useState } from 'react';
import { formatThreshold, targetKindLabels, type PlanDetail } from '../../../../shared/domain/plans';
import { formatResult, type TargetEvaluation } from '../../../../shared/domain/targets';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StatusChip } from '../../ui/StatusChip';
import { EvaluationPanel } from './EvaluationPanel';
import { planMeta } from './plan-meta';
import { TargetEditor } from './TargetEditor';
import { TasksTable } from './TasksTable';
import { useExportReport } from './queries';
import { useEvaluations } from '../targets/queries';
import { useRounds } from '../rounds/queries';
import { text } from './text';
import { SavedNotice } from '../../ui/SavedNotice';

function chipLabel(e: TargetEvaluation): string {
  const value = formatResult(e) ?? '—';
  return e.scope === 'province' ? `${e.period}: ${value}` : `${e.period} ${e.scopeName}: ${value}`;
}

/** One plan: its targets with each year's result (click for how it was computed), and its tasks. */
export function PlanDetailView({ plan, onBack }: { plan: PlanDetail; onBack: () => void }) {
  const [boundaryDate, setBoundaryDate] = useState('');
  const evaluations = useEvaluations(plan.id, /^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? boundaryDate : null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [drill, setDrill] = useState<TargetEvaluation | null>(null);
  const target = plan.targets.find((t) => t.id === editing) ?? null;
  const rounds = useRounds();
  const report = useExportReport();
  const [appendixRound, setAppendixRound] = useState<number | null>(null);

  return (
    <section className="screen-fill">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {text.back}
        </button>
        <h1 className="inline-title">{plan.title}</h1>
      </div>
      <p className="muted plan-meta">{planMeta(plan)}</p>
      {plan.programmeName && (
        <p className="muted plan-meta">
          {text.programme}: {plan.programmeName}
        </p>
      )}
      {plan.legalBasis && (
        <p className="muted plan-meta">
          {text.legalBasis}: {plan.legalBasis}
        </p>
      )}
      <div className="inline-form" style={{ marginBottom: 8 }}>
        <label>
          {text.reportAppendix}
          <select
            value={appendixRound ?? ''}
            onChange={(e) => setAppendixRound(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{text.noAppendix}</option>
            {rounds.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            report.mutate({
              planId: plan.id,
              ...(appendixRound ? { roundId: appendixRound } : {}),
              ...(/^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? { boundaryDate } : {}),
            })
          }
          disabled={report.isPending}
        >
          {text.report}
        </button>
        <label title={text.boundaryHelp}>
          {text.boundary}
          <input
            type="date"
            value={boundaryDate}
            onChange={(e) => setBoundaryDate(e.target.value)}
            aria-label={text.boundary}
          />
        </label>
      </div>
      {report.data && <SavedNotice path={report.data} message={text.reportSaved(report.data)} />}
      <ErrorMessage error={evaluations.error ?? report.error} />
      {/* The target's editor and its results lie over the right of the plan, which keeps its width. */}
      <div className="split overlay-host">
        <div style={{ flex: 1, overflow: 'auto' }}>
          <div className="toolbar">
            <h2 className="inline-title">{text.targets}</h2>
            <button type="button" onClick={() => setEditing('new')}>
              {text.newTarget}
            </button>
          </div>
          {plan.targets.length === 0 && <p className="muted">{text.planWithoutTargets}</p>}
          <table className="table" aria-label={text.planTargets} hidden={plan.targets.length === 0}>
            <thead>
              <tr>
                <th>{text.col.code}</th>
                <th>{text.col.text}</th>
                <th>{text.col.threshold}</th>
                <th>{text.col.measure}</th>
                <th>{text.col.years}</th>
              </tr>
            </thead>
            <tbody>
              {plan.targets.map((t) => {
                const results = (evaluations.data ?? []).filter((e) => e.targetId === t.id);
                return (
                  <tr key={t.id} data-testid={`target-${t.code}`}>
                    <td>{t.code}</td>
                    <td>
                      {t.text}
                      <div className="why">{targetKindLabels[t.kind]}</div>
                    </td>
                    <td className="nowrap">{formatThreshold(t, text.comparator)}</td>
                    <td>
                      {t.indicatorName ? (
                        <>
                          {t.indicatorName}
                          {t.denominatorIndicatorName && <div className="why">÷ {t.denominatorIndicatorName}</div>}
                          {t.denominatorRegister && <div className="why">{text.byRegister(t.denominatorRegister)}</div>}
                        </>
                      ) : (
                        <span className="muted">{text.notLinked}</span>
                      )}
                      <div>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setEditing(t.id)}
                          aria-label={text.linkFigures(t.code)}
                        >
                          {t.indicatorId ? text.edit : text.link}
                        </button>
                      </div>
                    </td>
                    <td>
                      <div className="chips">
                        {results.slice(0, 40).map((e) => (
                          <StatusChip
                            key={`${e.period}/${e.scope}`}
                            status={e.status}
                            label={chipLabel(e)}
                            title={e.explanation}
                            onClick={() => setDrill(e)}
                          />
                        ))}
                        {results.length > 40 && <span className="muted">{text.moreResults(results.length - 40)}</span>}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2>{text.tasks}</h2>
          <TasksTable tasks={plan.tasks} />
        </div>
        {editing !== null && (
          <TargetEditor key={editing} planId={plan.id} target={target} onClose={() => setEditing(null)} />
        )}
        {editing === null && drill && <EvaluationPanel evaluation={drill} onClose={() => setDrill(null)} />}
      </div>
    </section>
  );
}
