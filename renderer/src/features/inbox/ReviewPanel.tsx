import { useEffect, useState } from 'react';
import type { InboxMessage } from '../../../../shared/domain/inbox';
import { formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useRounds } from '../rounds/queries';
import { useUnits } from '../units/queries';
import { useReplyTable, useReviewMessage } from './queries';
import { text } from './text';

/**
 * Review of a message that needs it: which unit and round sent it, and for a unit's own table,
 * each row as the unit wrote it beside the form row it goes to (weak and unmatched rows marked).
 */
export function ReviewPanel({ message }: { message: InboxMessage }) {
  const units = useUnits();
  const rounds = useRounds();
  const review = useReviewMessage();
  const [unitId, setUnitId] = useState<number | ''>(message.unitId ?? '');
  const [roundId, setRoundId] = useState<number | ''>(message.roundId ?? '');
  const table = useReplyTable(message.id, roundId === '' ? null : roundId);
  const [choices, setChoices] = useState<Map<number, number | null>>(new Map());
  useEffect(() => {
    if (table.data)
      setChoices(new Map(table.data.rows.map((r) => [r.index, r.quality === 'weak' ? r.formRow : r.formRow])));
  }, [table.data]);
  const t = text.review;
  const valueRows = table.data?.formRows.filter((r) => r.valueRow) ?? [];

  return (
    <div className="card compact review" aria-label={t.title}>
      <strong>{t.title}</strong>
      <p className="muted">{table.data === null ? t.helpNoTable : t.help}</p>
      <div className="stacked-form">
        <label>
          {t.unit}
          <select
            value={unitId}
            onChange={(e) => setUnitId(e.target.value === '' ? '' : Number(e.target.value))}
            aria-label={t.unit}
          >
            <option value="">{t.choose}</option>
            {units.data
              ?.filter((u) => u.kind !== 'province' && u.kind !== 'secretariat')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t.round}
          <select
            value={roundId}
            onChange={(e) => setRoundId(e.target.value === '' ? '' : Number(e.target.value))}
            aria-label={t.round}
          >
            <option value="">{t.auto}</option>
            {rounds.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={table.error} />
      {table.data?.kind === 'table' && (
        <>
          <h3>{t.tableTitle(table.data.fileName)}</h3>
          <table className="table review-table">
            <thead>
              <tr>
                <th>{t.col.cell}</th>
                <th>{t.col.text}</th>
                <th>{t.col.value}</th>
                <th>{t.col.formRow}</th>
              </tr>
            </thead>
            <tbody>
              {table.data.rows.map((r) => (
                <tr
                  key={r.index}
                  className={
                    r.quality === 'weak' ? 'row-weak' : r.formRow === null && r.value !== null ? 'row-unmatched' : ''
                  }
                >
                  <td className="nowrap">{r.cell}</td>
                  <td>{r.text}</td>
                  <td className="num">{typeof r.value === 'number' ? formatNumber(r.value) : r.value}</td>
                  <td>
                    <select
                      aria-label={t.rowChoice(r.text)}
                      value={choices.get(r.index) ?? ''}
                      onChange={(e) =>
                        setChoices(new Map(choices).set(r.index, e.target.value === '' ? null : Number(e.target.value)))
                      }
                    >
                      <option value="">{t.noRow}</option>
                      {valueRows.map((f) => (
                        <option key={f.row} value={f.row}>{`${f.row}. ${f.text.slice(0, 70)}`}</option>
                      ))}
                    </select>
                    {r.quality === 'weak' && <div className="hint">{t.weak}</div>}
                    {r.formRow === null && r.value !== null && <div className="hint">{t.unmatched}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={unitId === '' || review.isPending}
          onClick={() =>
            review.mutate({
              messageId: message.id,
              unitId: Number(unitId),
              ...(roundId === '' ? {} : { roundId: Number(roundId) }),
              ...(table.data?.kind === 'table'
                ? { rowChoices: [...choices].map(([index, formRow]) => ({ index, formRow })) }
                : {}),
            })
          }
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
