import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { chosenFrom } from '../../ui/Options';
import { useHashPath } from '../../app/use-hash-path';
import { useForms } from '../forms/queries';
import { SubmissionScreen } from '../submissions/SubmissionScreen';
import { HistoryView } from '../submissions/HistoryView';
import { CompletenessBoard } from './CompletenessBoard';
import { CompareView } from './CompareView';
import { CreateRoundPanel } from './CreateRoundPanel';
import { RoundMatrixView } from './RoundMatrixView';
import { PrintPreview } from './PrintPreview';
import { SentMailView } from '../mail/SentMailView';
import { useRounds } from './queries';
import { text } from './text';

const views = ['board', 'matrix', 'compare', 'history', 'mail', 'print'] as const;
type View = (typeof views)[number];

/**
 * Rounds and everything done within one, addressed by the hash so a reload returns to the same
 * place: #/rounds/{round}/{view}, or #/rounds/{round}/unit/{unit} for one unit's figures.
 */
export function RoundsScreen() {
  const rounds = useRounds();
  const forms = useForms();
  const [path, go] = useHashPath();
  const [creating, setCreating] = useState(false);
  const routeRound = Number(path[1]) || null;
  const selected = routeRound ?? rounds.data?.[0]?.id ?? null;
  const openUnit = path[2] === 'unit' ? Number(path[3]) || null : null;
  const view: View = chosenFrom(views, path[2] ?? '') ?? 'board';
  // #/rounds alone opens the newest round; only while the hash is still this screen's (the screen sees
  // the hash change to another area a moment before it is replaced, and must not bring the clerk back).
  const here = path[0] === 'rounds';
  useEffect(() => {
    if (here && routeRound === null && selected !== null) go(['rounds', selected, view]);
  }, [here, routeRound, selected]); // eslint-disable-line react-hooks/exhaustive-deps -- runs when the route or the pick changes, not when the view does
  const round = rounds.data?.find((r) => r.id === selected) ?? null;

  if (round && openUnit !== null) {
    return (
      <SubmissionScreen
        key={`${round.id}:${openUnit}`}
        roundId={round.id}
        unitId={openUnit}
        onBack={() => go(['rounds', round.id, 'board'])}
      />
    );
  }

  return (
    <section className="screen-fill">
      <h1>{text.title}</h1>
      <div className="toolbar">
        {rounds.data?.length ? (
          <select
            aria-label={text.chooseRound}
            value={selected ?? ''}
            onChange={(e) => go(['rounds', Number(e.target.value), view])}
          >
            {rounds.data.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.receivedUnits}/{r.expectedUnits})
              </option>
            ))}
          </select>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(true)}
          disabled={creating || !forms.data?.length}
        >
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
            go(['rounds', r.id, 'board']);
          }}
        />
      )}
      {!creating && rounds.data?.length === 0 && forms.data?.length ? <p className="muted">{text.noRounds}</p> : null}
      {!creating && round && (
        <>
          <nav className="tabs" aria-label={text.roundParts}>
            {views.map((v) => (
              <a key={v} href={`#/rounds/${round.id}/${v}`} aria-current={v === view ? 'page' : undefined}>
                {text.views[v]}
              </a>
            ))}
          </nav>
          {view === 'board' && (
            <CompletenessBoard
              key={round.id}
              round={round}
              onOpenUnit={(unitId) => go(['rounds', round.id, 'unit', unitId])}
            />
          )}
          {view === 'matrix' && (
            <RoundMatrixView
              key={round.id}
              roundId={round.id}
              onOpenUnit={(unitId) => go(['rounds', round.id, 'unit', unitId])}
            />
          )}
          {view === 'compare' && <CompareView key={round.id} round={round} rounds={rounds.data ?? []} />}
          {view === 'history' && <HistoryView key={round.id} roundId={round.id} />}
          {view === 'mail' && <SentMailView key={round.id} roundId={round.id} roundName={round.name} />}
          {view === 'print' && <PrintPreview key={round.id} roundId={round.id} name={round.name} />}
        </>
      )}
    </section>
  );
}
