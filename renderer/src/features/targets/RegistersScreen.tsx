import { useMemo, useState } from 'react';
import { formatNumber, parseViNumber } from '../../../../shared/text/format-vi';
import { textLimits } from '../../../../shared/domain/limits';
import type { RegisterView } from '../../../../shared/domain/registers';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUnits } from '../units/queries';
import { useRegisters, useSaveRegister } from './queries';
import { text } from './text';

const t = text.registers;
const cellKey = (unitId: number, year: number) => `${unitId}/${year}`;

/**
 * The office's own registers (the number of at-risk businesses, of communes…), by unit and year: the
 * denominators of targets such as "inspect at least 20% of at-risk businesses". A column of figures
 * copied from Excel pastes down from the cell it is pasted into.
 */
export function RegistersScreen({ onBack }: { onBack: () => void }) {
  const registers = useRegisters();
  const [chosen, setChosen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const register = registers.data?.find((r) => r.code === chosen) ?? null;
  return (
    <section className="screen-fill">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
        <h1 className="inline-title">{t.title}</h1>
      </div>
      <p className="muted">{t.help}</p>
      <div className="toolbar">
        <label className="inline-label">
          {t.choose}
          <select aria-label={t.choose} value={chosen ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
            <option value="">{t.newRegister}</option>
            {registers.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={registers.error} />
      {saved && (
        <div className="notice notice-ok" role="status">
          {t.saved(saved)}
        </div>
      )}
      {registers.data && (
        <RegisterEditor
          key={chosen ?? ''}
          register={register}
          onSaved={(code) => {
            setChosen(code);
            setSaved(code);
          }}
          onEdit={() => setSaved(null)}
        />
      )}
    </section>
  );
}

function RegisterEditor({
  register,
  onSaved,
  onEdit,
}: {
  register: RegisterView | null;
  onSaved: (code: string) => void;
  onEdit: () => void;
}) {
  const units = useUnits();
  const save = useSaveRegister();
  const thisYear = new Date().getFullYear();
  const [code, setCode] = useState(register?.code ?? '');
  const [name, setName] = useState(register?.name ?? '');
  const [measureUnit, setMeasureUnit] = useState(register?.measureUnit ?? '');
  const [fromYear, setFromYear] = useState(() =>
    Math.min(thisYear - 4, ...(register?.values.map((v) => v.year) ?? [])),
  );
  const years = useMemo(
    () => Array.from({ length: Math.max(1, thisYear - fromYear + 1) }, (_, i) => fromYear + i),
    [fromYear, thisYear],
  );
  const stored = useMemo(
    () => new Map((register?.values ?? []).map((v) => [cellKey(v.unitId, v.year), v.value])),
    [register],
  );
  // What the user typed, by unit and year; a cell not typed shows what is stored.
  const [typed, setTyped] = useState<Map<string, string>>(new Map());
  const rows = units.data ?? [];
  const shown = (unitId: number, year: number) =>
    typed.get(cellKey(unitId, year)) ?? formatNumber(stored.get(cellKey(unitId, year)) ?? null);

  const problems = [...typed].filter(([, v]) => v.trim() !== '' && parseViNumber(v.trim()) === null);
  const changes = [...typed].flatMap(([key, v]) => {
    const [unitId, year] = key.split('/').map(Number) as [number, number];
    const value = v.trim() === '' ? null : parseViNumber(v.trim());
    if (v.trim() !== '' && value === null) return [];
    return value === (stored.get(key) ?? null) ? [] : [{ unitId, year, value }];
  });

  /** A block copied from Excel: one figure per line, down the column from the cell pasted into. */
  const paste = (e: React.ClipboardEvent<HTMLInputElement>, rowIndex: number, year: number) => {
    const lines = e.clipboardData.getData('text/plain').replace(/\r/g, '').replace(/\n$/, '').split('\n');
    if (lines.length < 2) return;
    e.preventDefault();
    setTyped((m) => {
      const next = new Map(m);
      lines.forEach((line, k) => {
        const row = rows[rowIndex + k];
        if (row) next.set(cellKey(row.id, year), line.split('\t')[0]!.trim());
      });
      return next;
    });
  };

  return (
    <div className="screen-fill">
      <div className="inline-form">
        <label>
          {t.code}
          <input
            value={code}
            maxLength={40}
            disabled={register !== null}
            placeholder={t.codeHint}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <label>
          {t.name}
          <input
            size={48}
            value={name}
            maxLength={textLimits.name}
            placeholder={t.nameHint}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t.measureUnit}
          <input value={measureUnit} maxLength={100} onChange={(e) => setMeasureUnit(e.target.value)} />
        </label>
        <label>
          {t.fromYear}
          <input
            type="number"
            className="narrow-input"
            value={fromYear}
            min={1990}
            max={thisYear}
            onChange={(e) => setFromYear(Math.max(1990, Math.min(thisYear, Number(e.target.value) || thisYear)))}
          />
        </label>
      </div>
      <div className="register-save">
        <button
          type="button"
          className="primary"
          disabled={save.isPending || problems.length > 0 || code.trim() === '' || name.trim() === ''}
          onClick={() =>
            save.mutate(
              {
                code: code.trim(),
                name: name.trim(),
                measureUnit: measureUnit.trim() || null,
                values: changes,
              },
              {
                onSuccess: (r) => {
                  setTyped(new Map());
                  onSaved(r.code);
                },
              },
            )
          }
        >
          {save.isPending ? t.saving : t.save(changes.length)}
        </button>
      </div>
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert">
          {t.notNumbers(problems.length)}
        </div>
      )}
      <ErrorMessage error={save.error ?? units.error} />
      <div className="table-scroll">
        <table className="table register-table" aria-label={t.tableLabel}>
          <thead>
            <tr>
              <th>{t.unit}</th>
              {years.map((y) => (
                <th key={y} className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((u, i) => (
              <tr key={u.id}>
                <td style={{ paddingLeft: 6 + u.level * 14 }}>
                  {u.code} {u.name}
                </td>
                {years.map((y) => (
                  <td key={y} className="num">
                    <input
                      className="cell-input"
                      inputMode="decimal"
                      aria-label={t.cell(u.name, y)}
                      value={shown(u.id, y)}
                      onChange={(e) => {
                        const value = e.target.value;
                        onEdit();
                        setTyped((m) => new Map(m).set(cellKey(u.id, y), value));
                      }}
                      onPaste={(e) => paste(e, i, y)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
