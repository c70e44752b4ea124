import { useState } from 'react';
import type { RoundMailKind, SendResult } from '../../../../shared/domain/mail';
import type { RoundSummary } from '../../../../shared/domain/rounds';
import { useProgress } from '../../api/progress';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useMailPreview, useOutgoingServer, useSendRoundMail } from './queries';
import { text } from './text';

const t = text.send;

/**
 * Sending a round's forms, or reminders, from the board: every unit's message shown before anything goes
 * (to whom, what it says, what is attached), units without an address named, units already sent skipped
 * unless asked again; then a progress bar, and each unit's result with the server's reason when refused.
 */
export function SendMailPanel({
  round,
  kind,
  onClose,
}: {
  round: RoundSummary;
  kind: RoundMailKind;
  onClose: () => void;
}) {
  const server = useOutgoingServer();
  const [again, setAgain] = useState(false);
  const [coverLetter, setCoverLetter] = useState('');
  const input = {
    roundId: round.id,
    kind,
    ...(again ? { again } : {}),
    ...(kind === 'forms' && coverLetter.trim() ? { coverLetter: coverLetter.trim() } : {}),
  };
  const preview = useMailPreview(input);
  const sender = useSendRoundMail();
  const progress = useProgress('send-mail');
  const [chosen, setChosen] = useState<number | null>(null);
  const items = preview.data ?? [];
  const shown = items.find((p) => p.unitId === chosen) ?? items.find((p) => p.plan === 'send') ?? items[0] ?? null;
  const count = (plan: string) => items.filter((p) => p.plan === plan).length;
  const results = new Map<number, SendResult>((sender.data ?? []).map((r) => [r.unitId, r]));
  const title = kind === 'forms' ? t.formsTitle : t.reminderTitle;
  const noAddress = items.filter((p) => p.plan === 'no-address').map((p) => p.unitName);

  return (
    <section className="card send-mail" aria-label={title}>
      <div className="toolbar">
        <h2 className="inline-title">{title}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p className="muted">{kind === 'forms' ? t.formsHelp : t.reminderHelp}</p>
      {server.data === null && (
        <div className="notice notice-warn" role="alert">
          {t.needServer} <a href="#/settings">{t.setServer}</a>
        </div>
      )}
      <div className="toolbar wrap">
        {kind === 'forms' && (
          <label className="inline-label">
            {t.coverLetter}
            <input
              className="wide"
              value={coverLetter}
              maxLength={300}
              placeholder={t.coverLetterHint}
              onChange={(e) => setCoverLetter(e.target.value)}
            />
          </label>
        )}
        <label className="inline">
          <input type="checkbox" checked={again} onChange={(e) => setAgain(e.target.checked)} /> {t.again}
        </label>
      </div>
      {preview.data && <p data-testid="send-summary">{t.summary(count('send'), count('skip'), count('no-address'))}</p>}
      {noAddress.length > 0 && (
        <div className="notice notice-warn" data-testid="send-no-address">
          {t.noAddress(noAddress)} <a href="#/units">{t.goToUnits}</a>
        </div>
      )}
      <ErrorMessage error={preview.error ?? sender.error} />
      <div className="send-split">
        <div className="send-units">
          <table className="table" aria-label={t.col.unit}>
            <thead>
              <tr>
                <th>{t.col.unit}</th>
                <th>{t.col.to}</th>
                <th>{sender.data ? t.col.result : t.col.plan}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const r = results.get(p.unitId);
                return (
                  <tr
                    key={p.unitId}
                    className={shown?.unitId === p.unitId ? 'chosen' : ''}
                    onClick={() => setChosen(p.unitId)}
                    data-testid={`send-${p.unitCode}`}
                  >
                    <td>{p.unitName}</td>
                    <td>{p.to.join(', ')}</td>
                    <td>
                      {r ? (
                        <>
                          <span className={`result-${r.status}`}>{t.status[r.status]}</span>
                          {r.error && <div className="why">{r.error}</div>}
                        </>
                      ) : p.plan === 'skip' && p.last ? (
                        t.plan.skip(p.last.at, p.last.status === 'maybe-sent')
                      ) : p.plan === 'skip' ? (
                        t.status.skipped
                      ) : (
                        t.plan[p.plan]
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {shown && (
          <div aria-label={t.previewTitle} role="group">
            <strong>{t.previewOf(shown.unitName)}</strong>
            <div className="why">
              {t.to}: {shown.to.join(', ') || '—'}
            </div>
            <div className="why">
              {t.subject}: {shown.subject}
            </div>
            {shown.attachment && (
              <div className="why">
                {t.attachment}: {shown.attachment}
              </div>
            )}
            <pre className="mail-preview" data-testid="mail-preview">
              {shown.text}
            </pre>
          </div>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={sender.isPending || count('send') === 0 || !server.data || preview.isFetching}
          onClick={() => sender.mutate(input)}
        >
          {sender.isPending ? t.sending : t.submit(count('send'))}
        </button>
        {sender.isPending && progress && (
          <progress max={progress.total} value={progress.done} aria-label={t.progress}>
            {progress.done}/{progress.total}
          </progress>
        )}
        {sender.isPending && progress?.label && <span className="muted">{progress.label}</span>}
      </div>
      {sender.data && (
        <div
          className={`notice ${sender.data.some((r) => r.status === 'failed') ? 'notice-warn' : 'notice-ok'}`}
          role="status"
          data-testid="send-done"
        >
          {t.done(
            sender.data.filter((r) => r.status === 'sent').length,
            sender.data.filter((r) => r.status === 'failed').length,
          )}
        </div>
      )}
    </section>
  );
}
