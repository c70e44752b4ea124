import { changeHowLabels } from '../../../../shared/domain/submissions';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useProvenance } from './queries';
import { useOpenOriginal } from '../files/queries';
import { text } from './text';

const t = text.provenance;

const show = (v: number | string | null) =>
  v === null ? t.empty : typeof v === 'number' ? formatFigure(v, 'decimal') : v;

/** Where one figure came from (message, file, sheet, cell) and every change to it since. */
export function ProvenancePanel({
  refOf,
  onClose,
  onOpenUnit,
  overlay = false,
}: {
  refOf: { roundId: number; unitId: number; indicatorId: number };
  onClose: () => void;
  onOpenUnit?: () => void;
  /** Laid over the right of the grid (the matrix), rather than beside it. */
  overlay?: boolean;
}) {
  const p = useProvenance(refOf);
  const open = useOpenOriginal();
  const d = p.data;
  return (
    <aside className={`details narrow-details ${overlay ? 'overlay' : ''}`} aria-label={t.title}>
      <div className="toolbar">
        <h2 className="inline-title">{t.title}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={t.close}>
          ✕
        </button>
      </div>
      <ErrorMessage error={p.error ?? open.error} />
      {d && (
        <>
          <p>
            <strong>{d.unitName}</strong> · {d.numbering ? `${d.numbering} ` : ''}
            {d.rowText}
          </p>
          <p>
            {t.value}
            <strong data-testid="provenance-value">{show(d.value)}</strong>
            {d.comment ? t.comment(d.comment) : ''}
          </p>
          {d.source ? (
            <dl className="facts" data-testid="provenance-source">
              <dt>{t.file}</dt>
              <dd>
                {d.source.fileName}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => open.mutate(d.source!.fileId)}
                  title={t.openOriginal}
                >
                  {t.open}
                </button>
              </dd>
              {d.source.sheet && (
                <>
                  <dt>{t.sheet}</dt>
                  <dd>{d.source.sheet}</dd>
                </>
              )}
              {d.source.cell && (
                <>
                  <dt>{t.cell}</dt>
                  <dd>{d.source.cell}</dd>
                </>
              )}
              {d.source.revision !== null && (
                <>
                  <dt>{t.revision}</dt>
                  <dd>{d.source.revision}</dd>
                </>
              )}
              {d.source.message && (
                <>
                  <dt>{t.message}</dt>
                  <dd>
                    {d.source.message.subject ?? t.noSubject} — {d.source.message.from ?? ''}
                    {d.source.message.sentAt ? t.sentAt(formatDateTime(d.source.message.sentAt)) : ''}
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted" data-testid="provenance-source">
              {d.value === null ? t.noFigure : t.byHand}
            </p>
          )}
          <h3>{t.history}</h3>
          <ul className="notes" data-testid="provenance-history">
            {d.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at)}: {show(h.oldValue)} → {show(h.newValue)} ({changeHowLabels[h.how]}
                {h.fileName ? `, ${h.fileName}` : ''}){h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
            {d.history.length === 0 && <li className="muted">{t.noHistory}</li>}
          </ul>
          {onOpenUnit && (
            <button type="button" onClick={onOpenUnit}>
              {t.openUnit}
            </button>
          )}
        </>
      )}
    </aside>
  );
}
