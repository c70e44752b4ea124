import { useMemo, useState } from 'react';
import { unitKindLabels, type UnitKind } from '../../../../shared/domain/units';
import { foldText } from '../../../../shared/text/fold';
import { formatDate } from '../../../../shared/text/format-vi';
import { addDays } from '../../../../shared/clock';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { chosenFrom } from '../../ui/Options';
import { yesNoRules } from '../../../../shared/domain/boundaries';

/** The levels a unit made by a split may be given. */
const newUnitKinds = ['province', 'district', 'commune'] as const;
import { useRecordUnitChange, useUnits, type UnitChange } from './queries';

type Kind = UnitChange['kind'];

/** The value of "+ Đơn vị mới…" in a part's list (no unit code looks like it). */
const NEW_PART = '\u0000moi';
const kindLabels: Record<Kind, string> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  end: 'Kết thúc hoạt động (như cấp huyện từ 01/7/2025)',
};

/**
 * Records a merge, a split or an ending in three steps: what and when (with its legal basis), the
 * units before, the units after; the last step says what will happen before anything is written.
 */
export function UnitChangeWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState(1);
  const [kind, setKind] = useState<Kind>('merge');
  const [date, setDate] = useState('2025-07-01');
  const [basis, setBasis] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [intoCode, setIntoCode] = useState('');
  const [intoName, setIntoName] = useState('');
  const [yesNoRule, setYesNoRule] = useState<'all' | 'any'>('all');
  // A part is a unit of the day chosen in the list, or a new one typed in (its code and name).
  const [parts, setParts] = useState<
    { code: string; percent: string; isNew: boolean; name: string; kind: UnitKind | '' }[]
  >([{ code: '', percent: '', isNew: false, name: '', kind: '' }]);
  const setPart = (i: number, change: Partial<(typeof parts)[number]>) =>
    setParts(parts.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const record = useRecordUnitChange();

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const before = useUnits(validDate ? addDays(date, -1) : undefined);
  const after = useUnits(validDate ? date : undefined);
  const beforeUnits = useMemo(() => {
    const q = foldText(search);
    return (before.data ?? []).filter((u) => !q || u.searchKey.includes(q));
  }, [before.data, search]);
  const chosenUnits = (before.data ?? []).filter((u) => chosen.includes(u.code));
  const partCandidates = (after.data ?? []).filter((u) => !chosen.includes(u.code));

  const pick = (code: string) =>
    setChosen((c) => (kind === 'merge' ? (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]) : [code]));
  const share = (p: { percent: string }) => Number(p.percent.replace(',', '.')) / 100;
  const totalPercent = parts.reduce((a, p) => a + (Number(p.percent.replace(',', '.')) || 0), 0);

  const stepOk =
    step === 1
      ? validDate && basis.trim() !== ''
      : step === 2
        ? kind === 'merge'
          ? chosen.length >= 1
          : chosen.length === 1
        : true;
  const change: UnitChange | null =
    kind === 'merge'
      ? intoCode.trim() && (chosen.length >= 2 || !chosen.includes(intoCode.trim()))
        ? {
            kind,
            input: {
              into: intoCode.trim(),
              ...(intoName.trim() ? { name: intoName.trim() } : {}),
              from: chosen,
              date,
              basis: basis.trim(),
              yesNoRule,
            },
          }
        : null
      : kind === 'split'
        ? parts.every((p) => p.code.trim() && share(p) > 0 && (!p.isNew || p.name.trim())) && totalPercent <= 100
          ? {
              kind,
              input: {
                from: chosen[0]!,
                into: parts.map((p) => ({
                  code: p.code.trim(),
                  share: share(p),
                  ...(p.isNew ? { name: p.name.trim(), ...(p.kind ? { kind: p.kind } : {}) } : {}),
                })),
                date,
                basis: basis.trim(),
              },
            }
          : null
        : { kind, input: { code: chosen[0]!, date, basis: basis.trim() } };

  const summary = (() => {
    const names = chosenUnits.map((u) => `${u.code} ${u.name}`).join(', ');
    if (kind === 'merge') {
      const existing = (after.data ?? []).find((u) => u.code === intoCode.trim() && !chosen.includes(u.code));
      const target = existing
        ? `${existing.code} ${existing.name}`
        : `đơn vị mới ${intoCode.trim()} ${intoName.trim() || '(tên như đơn vị cũ cùng mã)'}`;
      return `Từ ngày ${formatDate(date)}, ${names} kết thúc và sáp nhập thành ${target}; các đơn vị trực thuộc còn hoạt động chuyển về đơn vị này. Số liệu cũ được cộng vào đơn vị mới khi xem theo địa giới mới; chỉ tiêu Có/Không: ${yesNoRule === 'all' ? '"Có" khi mọi đơn vị cũ có' : '"Có" khi một đơn vị cũ có'}.`;
    }
    if (kind === 'split') {
      return `Từ ngày ${formatDate(date)}, ${names} kết thúc; số liệu cũ được chia cho ${parts.map((p) => `${p.code}${p.isNew ? ` ${p.name} (đơn vị mới)` : ''} (${p.percent || '?'}%)`).join(', ')}, chỉ tiêu Có/Không giữ nguyên cho từng đơn vị.${totalPercent < 100 ? ` Phần còn lại (${100 - totalPercent}%) không chuyển cho đơn vị nào.` : ''}`;
    }
    return `Từ ngày ${formatDate(date)}, ${names} kết thúc hoạt động; các đơn vị trực thuộc chuyển về cấp trên, số liệu cũ được tính cho cấp trên khi xem theo địa giới mới.`;
  })();

  return (
    <aside className="details wide-details" aria-label="Ghi nhận thay đổi đơn vị">
      <div className="toolbar">
        <h2 className="inline-title">Ghi nhận sáp nhập, chia tách · Bước {step}/3</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Đóng">
          ✕
        </button>
      </div>
      {record.data ? (
        <div className="notice notice-ok" role="status">
          {record.data.alreadyRecorded
            ? 'Thay đổi này đã được ghi nhận từ trước; không có gì thay đổi.'
            : `Đã ghi nhận. Bản sao lưu trước khi thay đổi: ${record.data.backup}.`}
        </div>
      ) : (
        <>
          {step === 1 && (
            <div className="stacked-form">
              <fieldset>
                <legend>Loại thay đổi</legend>
                {(Object.keys(kindLabels) as Kind[]).map((k) => (
                  <label key={k} className="inline-label">
                    <input
                      type="radio"
                      name="change-kind"
                      checked={kind === k}
                      onChange={() => (setKind(k), setChosen([]))}
                    />{' '}
                    {kindLabels[k]}
                  </label>
                ))}
              </fieldset>
              <label>
                Ngày có hiệu lực
                <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
              </label>
              <label>
                Căn cứ (số, ngày văn bản)
                <input
                  type="text"
                  value={basis}
                  onChange={(e) => setBasis(e.target.value)}
                  placeholder="Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025"
                />
              </label>
            </div>
          )}
          {step === 2 && (
            <div className="stacked-form">
              <p className="muted">
                Đơn vị{' '}
                {kind === 'merge'
                  ? 'được sáp nhập (chọn các đơn vị)'
                  : kind === 'split'
                    ? 'được chia tách'
                    : 'kết thúc'}
                , có hiệu lực ngày {formatDate(validDate ? addDays(date, -1) : date)}:
              </p>
              <input
                type="search"
                placeholder="Tìm mã, tên"
                aria-label="Tìm đơn vị"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <ul className="pick-list" aria-label="Đơn vị trước khi thay đổi">
                {beforeUnits.map((u) => (
                  <li key={u.id} style={{ paddingLeft: u.level * 16 }}>
                    <label className="inline-label">
                      <input
                        type={kind === 'merge' ? 'checkbox' : 'radio'}
                        name="from-unit"
                        checked={chosen.includes(u.code)}
                        onChange={() => pick(u.code)}
                      />
                      {u.code} {u.name} <span className="muted">({unitKindLabels[u.kind]})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {step === 3 && (
            <div className="stacked-form">
              {kind === 'merge' && (
                <>
                  <label>
                    Mã đơn vị sau sáp nhập
                    <input
                      type="text"
                      value={intoCode}
                      onChange={(e) => setIntoCode(e.target.value)}
                      placeholder="Mã mới, hoặc mã của một đơn vị cũ được giữ lại"
                    />
                  </label>
                  <label>
                    Tên đơn vị sau sáp nhập
                    <input type="text" value={intoName} onChange={(e) => setIntoName(e.target.value)} />
                  </label>
                  <label>
                    Chỉ tiêu Có/Không của đơn vị sau sáp nhập
                    <select
                      value={yesNoRule}
                      onChange={(e) => setYesNoRule(chosenFrom(yesNoRules, e.target.value) ?? yesNoRule)}
                    >
                      <option value="all">"Có" khi mọi đơn vị cũ có</option>
                      <option value="any">"Có" khi một đơn vị cũ có</option>
                    </select>
                  </label>
                </>
              )}
              {kind === 'split' && (
                <>
                  <p className="muted">
                    Các đơn vị nhận (chọn đơn vị đã có, hoặc "Đơn vị mới" để ghi mã và tên) và tỷ lệ số liệu mỗi đơn vị
                    nhận:
                  </p>
                  {parts.map((p, i) => (
                    <div key={i} className="toolbar wrap">
                      <select
                        aria-label={`Đơn vị nhận ${i + 1}`}
                        value={p.isNew ? NEW_PART : p.code}
                        onChange={(e) =>
                          setPart(
                            i,
                            e.target.value === NEW_PART
                              ? { isNew: true, code: '' }
                              : { isNew: false, code: e.target.value, name: '' },
                          )
                        }
                      >
                        <option value="">— chọn đơn vị —</option>
                        {partCandidates.map((u) => (
                          <option key={u.id} value={u.code}>
                            {u.code} {u.name}
                          </option>
                        ))}
                        <option value={NEW_PART}>+ Đơn vị mới…</option>
                      </select>
                      {p.isNew && (
                        <>
                          <input
                            aria-label={`Mã đơn vị mới ${i + 1}`}
                            className="narrow-input"
                            placeholder="Mã"
                            value={p.code}
                            onChange={(e) => setPart(i, { code: e.target.value })}
                          />
                          <input
                            aria-label={`Tên đơn vị mới ${i + 1}`}
                            placeholder="Tên (ví dụ Xã Bình Sơn)"
                            value={p.name}
                            onChange={(e) => setPart(i, { name: e.target.value })}
                          />
                          <select
                            aria-label={`Cấp của đơn vị mới ${i + 1}`}
                            value={p.kind}
                            onChange={(e) => setPart(i, { kind: chosenFrom(newUnitKinds, e.target.value) ?? '' })}
                          >
                            <option value="">như đơn vị cũ</option>
                            {newUnitKinds.map((k) => (
                              <option key={k} value={k}>
                                {unitKindLabels[k]}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                      <input
                        aria-label={`Tỷ lệ ${i + 1} (%)`}
                        className="narrow-input"
                        inputMode="decimal"
                        value={p.percent}
                        onChange={(e) => setPart(i, { percent: e.target.value })}
                      />
                      %
                    </div>
                  ))}
                  <button
                    type="button"
                    onClick={() => setParts([...parts, { code: '', percent: '', isNew: false, name: '', kind: '' }])}
                  >
                    Thêm đơn vị nhận
                  </button>
                  {totalPercent > 100 && <p className="error">Tổng tỷ lệ là {totalPercent}%, vượt quá 100%.</p>}
                </>
              )}
              <p data-testid="change-summary">{summary}</p>
              <p className="muted">Trước khi ghi nhận, dữ liệu được sao lưu.</p>
              <button
                type="button"
                className="primary"
                disabled={!change || record.isPending}
                onClick={() => change && record.mutate(change)}
              >
                {record.isPending ? 'Đang ghi nhận…' : 'Ghi nhận'}
              </button>
            </div>
          )}
          <ErrorMessage error={before.error ?? record.error} />
          <div className="toolbar">
            {step > 1 && (
              <button type="button" onClick={() => setStep(step - 1)}>
                Quay lại
              </button>
            )}
            <span className="spacer" />
            {step < 3 && (
              <button type="button" className="primary" disabled={!stepOk} onClick={() => setStep(step + 1)}>
                Tiếp
              </button>
            )}
          </div>
        </>
      )}
    </aside>
  );
}
