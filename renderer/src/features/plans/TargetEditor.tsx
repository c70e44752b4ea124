import { useState } from 'react';
import type { InputOf } from '../../../../shared/api/contract';
import {
  comparators,
  targetKindLabels,
  targetKinds,
  targetScopes,
  conditionComparators,
  type TargetSummary,
} from '../../../../shared/domain/plans';
import { unitKindLabels, unitKinds } from '../../../../shared/domain/units';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAddTarget, useDeleteTarget, useUpdateTarget } from './queries';
import { useLinkableIndicators, useRegisters } from '../targets/queries';
import { text } from './text';
import { chosenFrom, Options } from '../../ui/Options';

type TargetFields = InputOf<'plans:update-target'>['target'];
type DenominatorSource = 'none' | 'indicator' | 'register';

const toNumber = (v: string) => (v.trim() === '' ? null : Number(v));

const blankTarget: TargetFields = {
  code: '',
  text: '',
  kind: 'count',
  comparator: '>=',
  threshold: 0,
  thresholdHigh: null,
  scope: 'province',
  indicatorId: null,
  denominatorIndicatorId: null,
  denominatorRegister: null,
  unitKind: null,
  conditionComparator: null,
  conditionValue: null,
  periodFrom: null,
  periodTo: null,
  deadlineYear: null,
  sourceText: null,
};

/**
 * How a target is measured: the indicator, the denominator (an indicator or a register), the units and
 * the years. With no target, a new one for the plan (one the plan's text states but the reading missed).
 */
export function TargetEditor({
  planId,
  target,
  onClose,
}: {
  planId: number;
  target: TargetSummary | null;
  onClose: () => void;
}) {
  const indicators = useLinkableIndicators();
  const registers = useRegisters();
  const update = useUpdateTarget();
  const add = useAddTarget();
  const remove = useDeleteTarget();
  const [confirming, setConfirming] = useState(false);
  const [t, setT] = useState<TargetFields>(() =>
    target === null
      ? blankTarget
      : {
          code: target.code,
          text: target.text,
          kind: target.kind,
          comparator: target.comparator,
          threshold: target.threshold,
          thresholdHigh: target.thresholdHigh,
          scope: target.scope,
          indicatorId: target.indicatorId,
          denominatorIndicatorId: target.denominatorIndicatorId,
          denominatorRegister: target.denominatorRegister,
          unitKind: target.unitKind,
          conditionComparator: target.conditionComparator,
          conditionValue: target.conditionValue,
          periodFrom: target.periodFrom,
          periodTo: target.periodTo,
          deadlineYear: target.deadlineYear,
          sourceText: target.sourceText,
        },
  );
  const [source, setSource] = useState<DenominatorSource>(
    target?.denominatorRegister ? 'register' : target?.denominatorIndicatorId ? 'indicator' : 'none',
  );
  const set = (change: Partial<TargetFields>) => setT((x) => ({ ...x, ...change }));
  const withDenominator = t.kind === 'ratio' || t.kind === 'cumulative' || t.kind === 'share-of-units';

  const indicatorSelect = (label: string, value: number | null | undefined, onChange: (id: number | null) => void) => (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{text.chooseIndicator}</option>
        {indicators.data?.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
            {i.measureUnit ? ` (${i.measureUnit})` : ''} — {text.years(i.years)}
          </option>
        ))}
      </select>
    </label>
  );

  const save = () => {
    const input: TargetFields = {
      ...t,
      denominatorIndicatorId: source === 'indicator' ? (t.denominatorIndicatorId ?? null) : null,
      denominatorRegister: source === 'register' ? (t.denominatorRegister ?? null) : null,
    };
    if (target === null) add.mutate({ planId, target: input }, { onSuccess: onClose });
    else update.mutate({ targetId: target.id, target: input }, { onSuccess: onClose });
  };
  const title = target === null ? text.newTargetTitle : text.editorTitle(target.code);

  return (
    <aside className="details wide-details overlay" aria-label={title}>
      <div className="toolbar">
        <h2 className="inline-title">{title}</h2>
        <button type="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
      {target === null && <p className="muted">{text.newTargetHelp}</p>}
      <div className="stacked-form">
        <label>
          {text.targetCode}
          <input value={t.code} maxLength={20} onChange={(e) => set({ code: e.target.value })} />
        </label>
        <label>
          {text.targetText}
          <textarea rows={3} value={t.text} maxLength={2000} onChange={(e) => set({ text: e.target.value })} />
        </label>
        <label>
          {text.col.kind}
          <select value={t.kind} onChange={(e) => set({ kind: chosenFrom(targetKinds, e.target.value) ?? t.kind })}>
            <Options values={targetKinds} labels={targetKindLabels} />
          </select>
        </label>
        {indicatorSelect(text.indicator, t.indicatorId, (id) => set({ indicatorId: id }))}
        {withDenominator && (
          <label>
            {text.denominator}
            <select value={source} onChange={(e) => setSource(e.target.value as DenominatorSource)}>
              <option value="none">{text.denominatorNone}</option>
              <option value="indicator">{text.denominatorIndicator}</option>
              <option value="register">{text.denominatorRegister}</option>
            </select>
          </label>
        )}
        {withDenominator &&
          source === 'indicator' &&
          indicatorSelect(text.denominatorIndicatorLabel, t.denominatorIndicatorId, (id) =>
            set({ denominatorIndicatorId: id }),
          )}
        {withDenominator && source === 'register' && (
          <label>
            {text.denominatorRegister}
            <select
              value={t.denominatorRegister ?? ''}
              onChange={(e) => set({ denominatorRegister: e.target.value || null })}
            >
              <option value="">—</option>
              {registers.data?.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
            <a href="#/plans/registers">{text.registers}</a>
          </label>
        )}
        {(t.kind === 'share-of-units' || t.scope === 'each-unit') && (
          <label>
            {text.unitKind}
            <select
              value={t.unitKind ?? ''}
              onChange={(e) => set({ unitKind: chosenFrom(unitKinds, e.target.value) ?? null })}
            >
              <option value="">—</option>
              <Options values={unitKinds} labels={unitKindLabels} />
            </select>
          </label>
        )}
        {t.kind === 'share-of-units' && (
          <div className="inline-form">
            <label>
              {text.condition}
              <select
                value={t.conditionComparator ?? ''}
                onChange={(e) => set({ conditionComparator: chosenFrom(conditionComparators, e.target.value) ?? null })}
              >
                <option value="">{text.conditionDefault}</option>
                <Options values={conditionComparators} labels={(c) => c} />
              </select>
            </label>
            <input
              type="number"
              aria-label={text.conditionValue}
              value={t.conditionValue ?? ''}
              onChange={(e) => set({ conditionValue: toNumber(e.target.value) })}
            />
          </div>
        )}
        {t.kind !== 'share-of-units' && (
          <label>
            {text.scope}
            <select
              value={t.scope}
              onChange={(e) => set({ scope: chosenFrom(targetScopes, e.target.value) ?? t.scope })}
            >
              <Options values={targetScopes} labels={text.scopes} />
            </select>
          </label>
        )}
        <div className="inline-form">
          <label>
            {text.comparatorLabel}
            <select
              value={t.comparator}
              onChange={(e) => set({ comparator: chosenFrom(comparators, e.target.value) ?? t.comparator })}
            >
              <Options values={comparators} labels={text.comparator} />
            </select>
          </label>
          <label>
            {text.threshold}
            <input type="number" value={t.threshold} onChange={(e) => set({ threshold: Number(e.target.value) })} />
          </label>
          {t.comparator === 'between' && (
            <label>
              {text.thresholdHigh}
              <input
                type="number"
                value={t.thresholdHigh ?? ''}
                onChange={(e) => set({ thresholdHigh: toNumber(e.target.value) })}
              />
            </label>
          )}
        </div>
        <div className="inline-form">
          <label>
            {text.periodFrom}
            <input
              type="number"
              value={t.periodFrom ?? ''}
              onChange={(e) => set({ periodFrom: toNumber(e.target.value) })}
            />
          </label>
          <label>
            {text.periodTo}
            <input
              type="number"
              value={t.periodTo ?? ''}
              onChange={(e) => set({ periodTo: toNumber(e.target.value) })}
            />
          </label>
          {t.kind === 'cumulative' && (
            <label>
              {text.deadlineYear}
              <input
                type="number"
                value={t.deadlineYear ?? ''}
                onChange={(e) => set({ deadlineYear: toNumber(e.target.value) })}
              />
            </label>
          )}
        </div>
        <ErrorMessage error={update.error ?? add.error ?? remove.error ?? indicators.error} />
        <div className="actions">
          <button type="button" className="primary" onClick={save} disabled={update.isPending || add.isPending}>
            {target === null ? text.addTarget : text.saveTarget}
          </button>
          {target !== null && !confirming && (
            <button type="button" onClick={() => setConfirming(true)}>
              {text.deleteTarget}
            </button>
          )}
        </div>
        {target !== null && confirming && (
          <div className="notice notice-warn" role="alertdialog" aria-label={text.confirmDelete(target.code)}>
            <p>{text.confirmDelete(target.code)}</p>
            <div className="actions">
              <button
                type="button"
                className="danger"
                autoFocus
                disabled={remove.isPending}
                onClick={() => remove.mutate({ targetId: target.id }, { onSuccess: onClose })}
              >
                {text.confirmDeleteButton}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {text.cancel}
              </button>
            </div>
          </div>
        )}
      </div>
    </aside>
  );
}
