import { useState } from 'react';
import {
  describeSide,
  ruleOperatorLabels,
  ruleOperators,
  type RuleOperator,
  type RuleSide,
} from '../../../../shared/domain/validation-rules';
import { parseViNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { chosenFrom, Options } from '../../ui/Options';
import { severities } from '../../../../shared/domain/check-values';
import { useCreateRule, useDeleteRule, useFormRules } from './queries';
import { useCheckSettings, useSaveCheckSettings } from '../submissions/queries';
import { text } from './text';
import { textLimits } from '../../../../shared/domain/limits';

const t = text.rules;

const short = (t: string) => (t.length > 50 ? `${t.slice(0, 47)}…` : t);

/** One side of a new rule: a sum of chosen indicators plus a number. */
function SideEditor({
  label,
  ids,
  constant,
  options,
  onIds,
  onConstant,
}: {
  label: string;
  ids: number[];
  constant: string;
  options: { indicatorId: number; label: string }[];
  onIds: (ids: number[]) => void;
  onConstant: (c: string) => void;
}) {
  return (
    <fieldset className="rule-side">
      <legend>{label}</legend>
      <ul className="chips">
        {ids.map((id) => (
          <li key={id}>
            {options.find((o) => o.indicatorId === id)?.label}
            <button type="button" aria-label={t.dropIndicator} onClick={() => onIds(ids.filter((x) => x !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <select
        aria-label={t.addIndicatorLabel(label)}
        value=""
        onChange={(e) => e.target.value && onIds([...ids, Number(e.target.value)])}
      >
        <option value="">{t.addIndicator}</option>
        {options
          .filter((o) => !ids.includes(o.indicatorId))
          .map((o) => (
            <option key={o.indicatorId} value={o.indicatorId}>
              {o.label}
            </option>
          ))}
      </select>
      <label className="inline">
        {t.plus}{' '}
        <input
          className="narrow"
          aria-label={t.plusLabel(label)}
          value={constant}
          onChange={(e) => onConstant(e.target.value)}
        />
      </label>
    </fieldset>
  );
}

/**
 * The office's own checks on a form (DHIS2-style rules: the sum of some indicators compared with
 * the sum of others or a number), and how much change against last period earns a warning.
 */
export function RulesPanel({ formId }: { formId: number }) {
  const data = useFormRules(formId);
  const settings = useCheckSettings();
  const create = useCreateRule();
  const remove = useDeleteRule();
  const saveFactor = useSaveCheckSettings();
  const [name, setName] = useState('');
  const [left, setLeft] = useState<number[]>([]);
  const [right, setRight] = useState<number[]>([]);
  const [leftC, setLeftC] = useState('0');
  const [rightC, setRightC] = useState('0');
  const [operator, setOperator] = useState<RuleOperator>('>=');
  const [importance, setImportance] = useState<'error' | 'warning'>('error');
  const [factor, setFactor] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const indicators = data.data?.indicators ?? [];
  const options = indicators.map((i) => ({
    indicatorId: i.indicatorId,
    label: `${i.row}. ${short(i.text)}${i.unit ? ` (${i.unit})` : ''}`,
  }));
  const nameOf = (id: number) => short(indicators.find((i) => i.indicatorId === id)?.text ?? t.indicator(id));
  const side = (ids: number[], c: string): RuleSide | null => {
    const constant = c.trim() === '' ? 0 : parseViNumber(c.trim());
    return constant === null ? null : { terms: ids.map((indicatorId) => ({ indicatorId, factor: 1 })), constant };
  };

  const add = () => {
    setLocalError(null);
    const l = side(left, leftC);
    const r = side(right, rightC);
    if (!l || !r) return setLocalError(t.badConstant);
    create.mutate(
      { formId, name: name.trim(), left: l, operator, right: r, importance },
      {
        onSuccess: () => {
          setName('');
          setLeft([]);
          setRight([]);
          setLeftC('0');
          setRightC('0');
        },
      },
    );
  };

  return (
    <details className="card compact" aria-label={t.title}>
      <summary>
        <strong>{t.summary}</strong>
        {t.count(data.data?.rules.length ?? 0)}
      </summary>
      <p className="muted">{t.help}</p>
      <ul className="notes" data-testid="rules">
        {data.data?.rules.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> ({t.importance[r.importance]}): {describeSide(r.left, nameOf)}{' '}
            {ruleOperatorLabels[r.operator]} {describeSide(r.right, nameOf)}{' '}
            <button type="button" onClick={() => remove.mutate(r.id)} disabled={remove.isPending}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="stacked-form"
        aria-label={t.add}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          {t.name}
          <input className="wide" value={name} onChange={(e) => setName(e.target.value)} maxLength={textLimits.name} />
        </label>
        <div className="rule-row">
          <SideEditor
            label={t.left}
            ids={left}
            constant={leftC}
            options={options}
            onIds={setLeft}
            onConstant={setLeftC}
          />
          <label>
            {t.must}
            <select
              aria-label={t.operator}
              value={operator}
              onChange={(e) => setOperator(chosenFrom(ruleOperators, e.target.value) ?? operator)}
            >
              <Options values={ruleOperators} labels={ruleOperatorLabels} />
            </select>
          </label>
          <SideEditor
            label={t.right}
            ids={right}
            constant={rightC}
            options={options}
            onIds={setRight}
            onConstant={setRightC}
          />
        </div>
        <label>
          {t.severity}
          <select
            aria-label={t.severity}
            value={importance}
            onChange={(e) => setImportance(chosenFrom(severities, e.target.value) ?? importance)}
          >
            <Options values={severities} labels={t.severities} />
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t.add}
        </button>
      </form>
      {localError && (
        <div className="notice notice-error" role="alert">
          {localError}
        </div>
      )}
      <ErrorMessage error={data.error ?? create.error ?? remove.error ?? saveFactor.error} />
      <form
        className="toolbar"
        aria-label={t.factorTitle}
        onSubmit={(e) => {
          e.preventDefault();
          const n = parseViNumber((factor ?? '').trim());
          if (n === null) return setLocalError(t.badFactor);
          saveFactor.mutate(n);
        }}
      >
        <label className="inline">
          {t.factorBefore}
          <input
            className="narrow"
            aria-label={t.factorLabel}
            value={factor ?? String(settings.data?.changeFactor ?? '')}
            onChange={(e) => setFactor(e.target.value)}
          />{' '}
          {t.factorAfter}
        </label>
        <button type="submit" disabled={saveFactor.isPending}>
          {t.saveFactor}
        </button>
      </form>
    </details>
  );
}
