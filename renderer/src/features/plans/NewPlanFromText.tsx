import { useState } from 'react';
import type { InputOf } from '../../../../shared/api/contract';
import { comparators, planTypeLabels, planTypes, targetKindLabels, targetKinds } from '../../../../shared/domain/plans';
import type { PlanDraft, TargetSuggestion, TaskDraft } from '../../../../shared/domain/plan-text';
import { unitKindLabels, unitKinds } from '../../../../shared/domain/units';
import { formatDate } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCreatePlan, useDraftFromText } from './queries';
import { text } from './text';
import { chosenFrom, Options } from '../../ui/Options';

type DocFields = Pick<
  PlanDraft,
  'docNumber' | 'docDate' | 'issuer' | 'signer' | 'title' | 'type' | 'periodStart' | 'periodEnd' | 'legalBasis'
>;
type EditableTarget = TargetSuggestion & { keep: boolean };
type EditableTask = TaskDraft & { keep: boolean };

/**
 * Paste a plan's text, read it, and confirm what to keep: the document's data, each suggested
 * target (its kind, comparison and level can be corrected), each task. Nothing is stored until
 * "Lưu kế hoạch".
 */
export function NewPlanFromText({ onSaved, onCancel }: { onSaved: (planId: number) => void; onCancel: () => void }) {
  const [source, setSource] = useState('');
  const [doc, setDoc] = useState<DocFields | null>(null);
  const [targets, setTargets] = useState<EditableTarget[]>([]);
  const [tasks, setTasks] = useState<EditableTask[]>([]);
  const draft = useDraftFromText();
  const create = useCreatePlan();

  const read = () =>
    draft.mutate(source, {
      onSuccess: (d) => {
        setDoc({
          docNumber: d.docNumber,
          docDate: d.docDate,
          issuer: d.issuer,
          signer: d.signer,
          title: d.title,
          type: d.type,
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          legalBasis: d.legalBasis,
        });
        setTargets(d.targets.map((t) => ({ ...t, keep: true })));
        setTasks(d.tasks.map((t) => ({ ...t, keep: true })));
      },
    });

  const editTarget = (i: number, change: Partial<EditableTarget>) =>
    setTargets((ts) => ts.map((t, k) => (k === i ? { ...t, ...change } : t)));
  const keptTargets = targets.filter((t) => t.keep);
  const keptTasks = tasks.filter((t) => t.keep);

  const save = () => {
    if (!doc) return;
    const year = new Date().getFullYear();
    const input: InputOf<'plans:create-plan'> = {
      docNumber: doc.docNumber,
      docDate: doc.docDate,
      issuer: doc.issuer ?? '',
      signer: doc.signer,
      type: doc.type,
      title: doc.title ?? '',
      periodStart: doc.periodStart ?? year,
      periodEnd: doc.periodEnd ?? doc.periodStart ?? year,
      legalBasis: doc.legalBasis,
      fullText: source,
      targets: keptTargets.map((t) => ({
        code: t.code,
        text: t.text,
        kind: t.kind,
        comparator: t.comparator,
        threshold: t.threshold,
        thresholdHigh: t.thresholdHigh,
        unitKind: t.unitKind,
        deadlineYear: t.deadlineYear,
        sourceText: t.sourceText,
      })),
      tasks: keptTasks.map((t) => ({
        content: t.content,
        leadUnitId: t.leadUnitId,
        leadText: t.leadName,
        coordinatorIds: t.coordinatorIds,
        deadline: t.deadline,
      })),
    };
    create.mutate(input, { onSuccess: (r) => onSaved(r.id) });
  };

  const field = (key: keyof DocFields, kind: 'text' | 'date' | 'number' = 'text') => (
    <label>
      {text.field[key]}
      <input
        type={kind}
        value={(doc?.[key] as string | number | null) ?? ''}
        onChange={(e) =>
          setDoc(
            (d) =>
              d && {
                ...d,
                [key]: kind === 'number' ? (e.target.value ? Number(e.target.value) : null) : e.target.value || null,
              },
          )
        }
      />
    </label>
  );

  return (
    <section>
      <div className="toolbar">
        <button type="button" onClick={onCancel}>
          {text.back}
        </button>
        <h1 className="inline-title">{text.newTitle}</h1>
      </div>
      <div className="card">
        <label htmlFor="plan-text">{text.pasteLabel}</label>
        <textarea id="plan-text" className="paste-box" value={source} onChange={(e) => setSource(e.target.value)} />
        <p className="muted">{text.pasteHint}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={read} disabled={draft.isPending || !source.trim()}>
            {draft.isPending ? text.reading : text.read}
          </button>
        </div>
        <ErrorMessage error={draft.error} />
      </div>

      {doc && (
        <>
          <div className="card" role="group" aria-label={text.docData}>
            <h2>{text.docData}</h2>
            <div className="form-grid">
              {field('docNumber')}
              {field('docDate', 'date')}
              {field('issuer')}
              {field('signer')}
              <label>
                {text.field.type}
                <select
                  value={doc.type}
                  onChange={(e) => setDoc({ ...doc, type: chosenFrom(planTypes, e.target.value) ?? doc.type })}
                >
                  <Options values={planTypes} labels={planTypeLabels} />
                </select>
              </label>
              {field('periodStart', 'number')}
              {field('periodEnd', 'number')}
            </div>
            <label className="wide-field">
              {text.field.title}
              <input type="text" value={doc.title ?? ''} onChange={(e) => setDoc({ ...doc, title: e.target.value })} />
            </label>
            <label className="wide-field">
              {text.field.legalBasis}
              <textarea
                value={doc.legalBasis ?? ''}
                onChange={(e) => setDoc({ ...doc, legalBasis: e.target.value || null })}
              />
            </label>
          </div>

          <div className="card">
            <h2>{text.suggestedTargets(targets.length)}</h2>
            {targets.length === 0 && <p className="muted">{text.noTargets}</p>}
            {targets.length > 0 && (
              <table className="table draft-table" aria-label={text.draft.targets}>
                <thead>
                  <tr>
                    <th>{text.keep}</th>
                    <th>{text.col.code}</th>
                    <th>{text.col.text}</th>
                    <th>{text.col.kind}</th>
                    <th>{text.col.threshold}</th>
                  </tr>
                </thead>
                <tbody>
                  {targets.map((t, i) => (
                    <tr key={i} data-testid={`suggested-${t.code}`}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={text.draft.keep(t.code)}
                          checked={t.keep}
                          onChange={(e) => editTarget(i, { keep: e.target.checked })}
                        />
                      </td>
                      <td>
                        <input
                          type="text"
                          size={4}
                          aria-label={text.draft.code(t.code)}
                          value={t.code}
                          onChange={(e) => editTarget(i, { code: e.target.value })}
                        />
                      </td>
                      <td>
                        <textarea
                          aria-label={text.draft.text(t.code)}
                          value={t.text}
                          onChange={(e) => editTarget(i, { text: e.target.value })}
                        />
                        <div className="why">
                          {text.why}: {t.why}
                        </div>
                      </td>
                      <td>
                        <select
                          aria-label={text.draft.kind(t.code)}
                          value={t.kind}
                          onChange={(e) => editTarget(i, { kind: chosenFrom(targetKinds, e.target.value) ?? t.kind })}
                        >
                          <Options values={targetKinds} labels={targetKindLabels} />
                        </select>
                        {t.kind === 'share-of-units' && (
                          <select
                            aria-label={text.draft.unitKind(t.code)}
                            value={t.unitKind ?? ''}
                            onChange={(e) => editTarget(i, { unitKind: chosenFrom(unitKinds, e.target.value) ?? null })}
                          >
                            <option value="">—</option>
                            <Options values={unitKinds} labels={unitKindLabels} />
                          </select>
                        )}
                        {t.deadlineYear && <div className="why">{text.draft.deadline(t.deadlineYear)}</div>}
                      </td>
                      <td className="nowrap">
                        <select
                          aria-label={text.draft.comparator(t.code)}
                          value={t.comparator}
                          onChange={(e) =>
                            editTarget(i, { comparator: chosenFrom(comparators, e.target.value) ?? t.comparator })
                          }
                        >
                          <Options values={comparators} labels={text.comparator} />
                        </select>{' '}
                        <input
                          type="number"
                          aria-label={text.draft.threshold(t.code)}
                          style={{ width: 70 }}
                          value={t.threshold}
                          onChange={(e) => editTarget(i, { threshold: Number(e.target.value) })}
                        />
                        {t.comparator === 'between' && (
                          <>
                            {' – '}
                            <input
                              type="number"
                              aria-label={text.draft.thresholdHigh(t.code)}
                              style={{ width: 70 }}
                              value={t.thresholdHigh ?? ''}
                              onChange={(e) =>
                                editTarget(i, { thresholdHigh: e.target.value ? Number(e.target.value) : null })
                              }
                            />
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>

          <div className="card">
            <h2>{text.suggestedTasks(tasks.length)}</h2>
            <table className="table draft-table" aria-label={text.draft.tasks}>
              <thead>
                <tr>
                  <th>{text.keep}</th>
                  <th>{text.col.content}</th>
                  <th className="col-lead">{text.col.lead}</th>
                  <th>{text.col.coordinators}</th>
                  <th>{text.col.deadline}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((t, i) => (
                  <tr key={i}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={text.draft.keepTask(i + 1)}
                        checked={t.keep}
                        onChange={(e) =>
                          setTasks((ts) => ts.map((x, k) => (k === i ? { ...x, keep: e.target.checked } : x)))
                        }
                      />
                    </td>
                    <td>{t.content.length > 260 ? `${t.content.slice(0, 260)}…` : t.content}</td>
                    <td className="col-lead">
                      {t.leadName ?? text.unnamedLead}
                      {t.leadName && t.leadUnitId === null && <div className="why">{text.draft.unmatched}</div>}
                    </td>
                    <td>{text.andOthers(t.coordinatorNames)}</td>
                    <td className="nowrap">{formatDate(t.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <ErrorMessage error={create.error} />
          <div className="actions">
            <button type="button" className="primary" onClick={save} disabled={create.isPending}>
              {create.isPending ? text.saving : text.save(keptTargets.length, keptTasks.length)}
            </button>
            <button type="button" onClick={onCancel}>
              {text.cancel}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
