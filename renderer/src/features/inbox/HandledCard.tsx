import { useState } from 'react';
import type { InboxMessage } from '../../../../shared/domain/inbox';
import { textLimits } from '../../../../shared/domain/limits';
import { formatDate } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useMarkHandled, useReopenMessage } from './queries';
import { text } from './text';

const t = text.handled;

/**
 * A message that needs review but has no figures to import (a question about the form, a reply that
 * only says it was received): marked as dealt with, with the clerk's note; or opened again for review.
 */
export function HandledCard({ message }: { message: InboxMessage }) {
  const mark = useMarkHandled();
  const reopen = useReopenMessage();
  const [note, setNote] = useState('');
  if (message.handled)
    return (
      <div className="card compact" aria-label={t.title}>
        <p data-testid="handled-note">{t.done(formatDate(message.handled.at), message.handled.note)}</p>
        <button type="button" onClick={() => reopen.mutate(message.id)} disabled={reopen.isPending}>
          {t.reopen}
        </button>
        <ErrorMessage error={reopen.error} />
      </div>
    );
  return (
    <form
      className="card compact stacked-form"
      aria-label={t.title}
      onSubmit={(e) => {
        e.preventDefault();
        mark.mutate({ messageId: message.id, note });
      }}
    >
      <strong>{t.title}</strong>
      <p className="muted">{t.help}</p>
      <label>
        {t.note}
        <input
          value={note}
          maxLength={textLimits.reason}
          placeholder={t.noteHint}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="submit" disabled={mark.isPending || note.trim() === ''}>
        {t.mark}
      </button>
      <ErrorMessage error={mark.error} />
    </form>
  );
}
