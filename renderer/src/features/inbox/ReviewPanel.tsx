import { useState } from 'react';
import type { InboxMessage } from '../../../../shared/domain/inbox';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useRounds } from '../rounds/queries';
import { useUnits } from '../units/queries';
import { useReviewMessage } from './queries';
import { text } from './text';

/** Lets the user say which unit (and round) sent a message that needs review, then imports it again. */
export function ReviewPanel({ message }: { message: InboxMessage }) {
  const units = useUnits();
  const rounds = useRounds();
  const review = useReviewMessage();
  const [unitId, setUnitId] = useState<number | ''>(message.unitId ?? '');
  const [roundId, setRoundId] = useState<number | ''>(message.roundId ?? '');
  const t = text.review;
  return (
    <div className="card compact" aria-label={t.title}>
      <strong>{t.title}</strong>
      <p className="muted">{t.help}</p>
      <div className="stacked-form">
        <label>
          {t.unit}
          <select value={unitId} onChange={(e) => setUnitId(e.target.value === '' ? '' : Number(e.target.value))} aria-label={t.unit}>
            <option value="">{t.choose}</option>
            {units.data
              ?.filter((u) => u.kind !== 'province' && u.kind !== 'secretariat')
              .map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
          </select>
        </label>
        <label>
          {t.round}
          <select value={roundId} onChange={(e) => setRoundId(e.target.value === '' ? '' : Number(e.target.value))} aria-label={t.round}>
            <option value="">{t.auto}</option>
            {rounds.data?.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={unitId === '' || review.isPending}
          onClick={() => review.mutate({ messageId: message.id, unitId: Number(unitId), ...(roundId === '' ? {} : { roundId: Number(roundId) }) })}
        >
          {t.accept}
        </button>
      </div>
      <ErrorMessage error={review.error} />
      {review.data && (
        <div className={`notice ${review.data.status === 'imported' ? 'notice-ok' : 'notice-warn'}`} role="status">
          {t.done(review.data)}
        </div>
      )}
    </div>
  );
}
