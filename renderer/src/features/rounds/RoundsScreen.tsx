import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useForms } from '../forms/queries';
import { CompletenessBoard } from './CompletenessBoard';
import { CreateRoundPanel } from './CreateRoundPanel';
import { useRounds } from './queries';
import { text } from './text';

export function RoundsScreen() {
  const rounds = useRounds();
  const forms = useForms();
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (selected === null && rounds.data?.[0]) setSelected(rounds.data[0].id);
  }, [rounds.data, selected]);
  const round = rounds.data?.find((r) => r.id === selected) ?? null;

  return (
    <section className="screen-fill">
      <h1>{text.title}</h1>
      <div className="toolbar">
        <select aria-label="Chọn đợt báo cáo" value={selected ?? ''} disabled={!rounds.data?.length} onChange={(e) => setSelected(Number(e.target.value))}>
          {rounds.data?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.receivedUnits}/{r.expectedUnits})
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={creating || !forms.data?.length}>
          {text.newRound}
        </button>
      </div>
      <ErrorMessage error={rounds.error ?? forms.error} />
      {forms.data?.length === 0 && <p className="muted">{text.needForm}</p>}
      {creating && forms.data && (
        <CreateRoundPanel
          forms={forms.data}
          onCancel={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setSelected(r.id);
          }}
        />
      )}
      {!creating && rounds.data?.length === 0 && forms.data?.length ? <p className="muted">{text.noRounds}</p> : null}
      {!creating && round && <CompletenessBoard key={round.id} round={round} />}
    </section>
  );
}
