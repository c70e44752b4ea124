import { useEffect, useState } from 'react';
import { useCopyText } from '../../app/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCorrectionDraft, useSaveCorrection } from './queries';
import { text } from './text';
import { useSendCorrection } from '../mail/queries';
import { text as mailText } from '../mail/text';

/** The request to the unit to correct its figures: read, adjusted, copied or saved as an .eml draft. */
export function CorrectionPanel({ roundId, unitId }: { roundId: number; unitId: number }) {
  const draft = useCorrectionDraft(roundId, unitId, true);
  const saver = useSaveCorrection(roundId, unitId);
  const [body, setBody] = useState('');
  const copier = useCopyText();
  const sender = useSendCorrection();
  useEffect(() => {
    if (draft.data) setBody(draft.data.text);
  }, [draft.data]);
  return (
    <div className="card compact" aria-label={text.correctionTitle}>
      <strong>{text.correctionTitle}</strong>
      {draft.data && (
        <p className="muted">
          {draft.data.subject} · {draft.data.to.join(', ')}
        </p>
      )}
      <textarea
        className="reminder"
        rows={9}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-label={text.correctionTitle}
      />
      <div className="toolbar">
        <button type="button" onClick={() => copier.mutate(body)} disabled={body.trim() === ''}>
          {copier.isSuccess ? text.copied : text.copy}
        </button>
        <button type="button" onClick={() => saver.mutate(body)} disabled={saver.isPending}>
          {text.saveEml}
        </button>
        <button
          type="button"
          className="primary"
          disabled={sender.isPending || body.trim() === '' || draft.data?.to.length === 0}
          title={draft.data?.to.length === 0 ? mailText.correction.noAddress : undefined}
          onClick={() => sender.mutate({ roundId, unitId, text: body })}
        >
          {sender.isPending ? mailText.correction.sending : mailText.correction.send}
        </button>
        {saver.data && <span className="muted">{text.savedEml(saver.data)}</span>}
      </div>
      {sender.data?.status === 'sent' && (
        <div className="notice notice-ok" role="status">
          {mailText.correction.sent(sender.data.to)}
        </div>
      )}
      {sender.data?.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          {sender.data.error}
        </div>
      )}
      {draft.data?.to.length === 0 && <p className="muted">{mailText.correction.noAddress}</p>}
      <ErrorMessage error={draft.error ?? saver.error ?? copier.error ?? sender.error} />
    </div>
  );
}
