import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
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
            <button type="button" aria-label="Bỏ chỉ tiêu này" onClick={() => onIds(ids.filter((x) => x !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <select
        aria-label={`${label}: thêm chỉ tiêu`}
        value=""
        onChange={(e) => e.target.value && onIds([...ids, Number(e.target.value)])}
      >
        <option value="">+ cộng thêm chỉ tiêu…</option>
        {options
          .filter((o) => !ids.includes(o.indicatorId))
          .map((o) => (
            <option key={o.indicatorId} value={o.indicatorId}>
              {o.label}
            </option>
          ))}
      </select>
      <label className="inline">
        cộng số{' '}
        <input
          className="narrow"
          aria-label={`${label}: cộng số`}
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
  const client = useQueryClient();
  const data = useQuery({ queryKey: ['rules', formId], queryFn: () => call('forms:list-rules', { formId }) });
  const settings = useQuery({
    queryKey: ['check-settings'],
    queryFn: () => call('submissions:get-check-settings', {}),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['rules', formId] });
    void client.invalidateQueries({ queryKey: ['submissions'] });
    void client.invalidateQueries({ queryKey: ['matrix'] });
  };
  const create = useMutation({
    mutationFn: (input: Parameters<typeof call<'forms:create-rule'>>[1]) => call('forms:create-rule', input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (ruleId: number) => call('forms:delete-rule', { ruleId }),
    onSuccess: refresh,
  });
  const saveFactor = useMutation({
    mutationFn: (changeFactor: number) => call('submissions:save-check-settings', { changeFactor }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['check-settings'] });
      refresh();
    },
  });
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
  const nameOf = (id: number) => short(indicators.find((i) => i.indicatorId === id)?.text ?? `chỉ tiêu ${id}`);
  const side = (ids: number[], c: string): RuleSide | null => {
    const constant = c.trim() === '' ? 0 : parseViNumber(c.trim());
    return constant === null ? null : { terms: ids.map((indicatorId) => ({ indicatorId, factor: 1 })), constant };
  };

  const add = () => {
    setLocalError(null);
    const l = side(left, leftC);
    const r = side(right, rightC);
    if (!l || !r) return setLocalError('Số cộng thêm phải là một số (ví dụ 0 hoặc 12,5).');
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
    <details className="card compact" aria-label="Quy tắc kiểm tra">
      <summary>
        <strong>Quy tắc kiểm tra số liệu</strong> ({data.data?.rules.length ?? 0} quy tắc riêng của biểu mẫu)
      </summary>
      <p className="muted">
        Ngoài các kiểm tra sẵn có (kiểu số, "Trong đó" không lớn hơn dòng tổng), văn phòng có thể thêm quy tắc riêng.
        Quy tắc có chỉ tiêu chưa báo cáo thì bỏ qua.
      </p>
      <ul className="notes" data-testid="rules">
        {data.data?.rules.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> ({r.importance === 'error' ? 'lỗi' : 'cảnh báo'}): {describeSide(r.left, nameOf)}{' '}
            {ruleOperatorLabels[r.operator]} {describeSide(r.right, nameOf)}{' '}
            <button type="button" onClick={() => remove.mutate(r.id)} disabled={remove.isPending}>
              Xóa
            </button>
          </li>
        ))}
      </ul>
      <form
        className="stacked-form"
        aria-label="Thêm quy tắc"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          Tên quy tắc
          <input className="wide" value={name} onChange={(e) => setName(e.target.value)} maxLength={300} />
        </label>
        <div className="rule-row">
          <SideEditor
            label="Vế trái"
            ids={left}
            constant={leftC}
            options={options}
            onIds={setLeft}
            onConstant={setLeftC}
          />
          <label>
            phải
            <select
              aria-label="Phép so sánh"
              value={operator}
              onChange={(e) => setOperator(chosenFrom(ruleOperators, e.target.value) ?? operator)}
            >
              <Options values={ruleOperators} labels={ruleOperatorLabels} />
            </select>
          </label>
          <SideEditor
            label="Vế phải"
            ids={right}
            constant={rightC}
            options={options}
            onIds={setRight}
            onConstant={setRightC}
          />
        </div>
        <label>
          Mức độ
          <select
            aria-label="Mức độ"
            value={importance}
            onChange={(e) => setImportance(chosenFrom(severities, e.target.value) ?? importance)}
          >
            <option value="error">Lỗi (phải sửa trước khi duyệt)</option>
            <option value="warning">Cảnh báo (cần xem lại)</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          Thêm quy tắc
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
        aria-label="Ngưỡng thay đổi so với kỳ trước"
        onSubmit={(e) => {
          e.preventDefault();
          const n = parseViNumber((factor ?? '').trim());
          if (n === null) return setLocalError('Hệ số phải là một số, ví dụ 2.');
          saveFactor.mutate(n);
        }}
      >
        <label className="inline">
          Cảnh báo khi số liệu tăng hơn (hoặc giảm dưới 1/…) so với kỳ trước:
          <input
            className="narrow"
            aria-label="Hệ số thay đổi"
            value={factor ?? String(settings.data?.changeFactor ?? '')}
            onChange={(e) => setFactor(e.target.value)}
          />{' '}
          lần (0 = không cảnh báo)
        </label>
        <button type="submit" disabled={saveFactor.isPending}>
          Lưu ngưỡng
        </button>
      </form>
    </details>
  );
}
