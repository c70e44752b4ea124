import { useMemo, useState } from 'react';
import { unitKindLabels, type UnitKind } from '../../../../shared/domain/units';
import { foldText } from '../../../../shared/text/fold';
import { formatDate } from '../../../../shared/text/format-vi';
import { addDays } from '../../../../shared/clock';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { chosenFrom, Options } from '../../ui/Options';
import { yesNoRules } from '../../../../shared/domain/boundaries';

/** The levels a unit made by a split may be given. */
const newUnitKinds = ['province', 'district', 'commune'] as const;
import { useRecordUnitChange, useUnits, type UnitChange } from './queries';
import { text } from './text';
import { sharesTotalProblem } from '../../../../shared/domain/unit-events';

type Kind = UnitChange['kind'];

/** The value of "+ Đơn vị mới…" in a part's list (no unit code looks like it). */
const NEW_PART = '\u0000moi';
const t = text.wizard;
const kindLabels: Record<Kind, string> = t.kinds;

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
      const target = existing ? `${existing.code} ${existing.name}` : t.newUnit(intoCode.trim(), intoName.trim());
      return t.summaryMerge(formatDate(date), names, target, t.yesNo[yesNoRule]);
    }
    if (kind === 'split') {
      const shares = parts.map((p) => t.splitPart(p.code, p.isNew ? p.name : null, p.percent)).join(', ');
      return t.summarySplit(formatDate(date), names, shares, totalPercent < 100 ? 100 - totalPercent : 0);
    }
    return t.summaryEnd(formatDate(date), names);
  })();

  return (
    <aside className="details wide-details" aria-label={t.region}>
      <div className="toolbar">
        <h2 className="inline-title">{t.title(step)}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={text.close}>
          ✕
        </button>
      </div>
      {record.data ? (
        <div className="notice notice-ok" role="status">
          {record.data.alreadyRecorded ? t.already : t.recorded(record.data.backup)}
        </div>
      ) : (
        <>
          {step === 1 && (
            <div className="stacked-form">
              <fieldset>
                <legend>{t.kind}</legend>
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
                {t.date}
                <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
              </label>
              <label>
                {t.basis}
                <input type="text" value={basis} onChange={(e) => setBasis(e.target.value)} placeholder={t.basisHint} />
              </label>
            </div>
          )}
          {step === 2 && (
            <div className="stacked-form">
              <p className="muted">
                {t.pickIntro(t.pickBefore[kind], formatDate(validDate ? addDays(date, -1) : date))}
              </p>
              <input
                type="search"
                placeholder={t.search}
                aria-label={t.searchLabel}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <ul className="pick-list" aria-label={t.before}>
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
                    {t.intoCode}
                    <input
                      type="text"
                      value={intoCode}
                      onChange={(e) => setIntoCode(e.target.value)}
                      placeholder={t.intoCodeHint}
                    />
                  </label>
                  <label>
                    {t.intoName}
                    <input type="text" value={intoName} onChange={(e) => setIntoName(e.target.value)} />
                  </label>
                  <label>
                    {t.yesNoRule}
                    <select
                      value={yesNoRule}
                      onChange={(e) => setYesNoRule(chosenFrom(yesNoRules, e.target.value) ?? yesNoRule)}
                    >
                      <Options values={yesNoRules} labels={t.yesNo} />
                    </select>
                  </label>
                </>
              )}
              {kind === 'split' && (
                <>
                  <p className="muted">{t.partsHelp}</p>
                  {parts.map((p, i) => (
                    <div key={i} className="toolbar wrap">
                      <select
                        aria-label={t.part(i + 1)}
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
                        <option value="">{t.choosePart}</option>
                        {partCandidates.map((u) => (
                          <option key={u.id} value={u.code}>
                            {u.code} {u.name}
                          </option>
                        ))}
                        <option value={NEW_PART}>{t.newPart}</option>
                      </select>
                      {p.isNew && (
                        <>
                          <input
                            aria-label={t.newCode(i + 1)}
                            className="narrow-input"
                            placeholder={t.codeHint}
                            value={p.code}
                            onChange={(e) => setPart(i, { code: e.target.value })}
                          />
                          <input
                            aria-label={t.newName(i + 1)}
                            placeholder={t.nameHint}
                            value={p.name}
                            onChange={(e) => setPart(i, { name: e.target.value })}
                          />
                          <select
                            aria-label={t.newKind(i + 1)}
                            value={p.kind}
                            onChange={(e) => setPart(i, { kind: chosenFrom(newUnitKinds, e.target.value) ?? '' })}
                          >
                            <option value="">{t.sameKind}</option>
                            {newUnitKinds.map((k) => (
                              <option key={k} value={k}>
                                {unitKindLabels[k]}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                      <input
                        aria-label={t.share(i + 1)}
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
                    {t.addPart}
                  </button>
                  {totalPercent > 100 && <p className="error">{sharesTotalProblem(totalPercent / 100)}</p>}
                </>
              )}
              <p data-testid="change-summary">{summary}</p>
              <p className="muted">{t.backupFirst}</p>
              <button
                type="button"
                className="primary"
                disabled={!change || record.isPending}
                onClick={() => change && record.mutate(change)}
              >
                {record.isPending ? t.recording : t.record}
              </button>
            </div>
          )}
          <ErrorMessage error={before.error ?? record.error} />
          <div className="toolbar">
            {step > 1 && (
              <button type="button" onClick={() => setStep(step - 1)}>
                {t.back}
              </button>
            )}
            <span className="spacer" />
            {step < 3 && (
              <button type="button" className="primary" disabled={!stepOk} onClick={() => setStep(step + 1)}>
                {t.next}
              </button>
            )}
          </div>
        </>
      )}
    </aside>
  );
}
