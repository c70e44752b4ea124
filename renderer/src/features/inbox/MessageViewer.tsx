import { formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useMessageView, useOpenOriginal, useSaveCopy } from '../files/queries';
import { text } from './text';

/** Documents that open (as a read-only copy) with the system's program; anything else can only be saved. */
const openable = /\.(xlsx|xls|docx|doc|odt|ods|pdf|jpe?g|png|txt)$/i;

/**
 * A kept e-mail shown inside the app: its headers and plain text (HTML is never rendered), and each
 * attachment with its own "Mở" (documents only) and "Lưu bản sao…".
 */
export function MessageViewer({ fileId }: { fileId: number }) {
  const view = useMessageView(fileId);
  const open = useOpenOriginal();
  const save = useSaveCopy();
  const t = text.message;
  const m = view.data;
  return (
    <section className="message-view" aria-label={t.title}>
      <p className="muted">{t.help}</p>
      <ErrorMessage error={view.error ?? open.error ?? save.error} />
      {m && (
        <>
          <dl className="facts">
            <dt>{t.subject}</dt>
            <dd>{m.subject ?? t.noSubject}</dd>
            <dt>{t.from}</dt>
            <dd>{m.from ?? ''}</dd>
            {m.to.length > 0 && (
              <>
                <dt>{t.to}</dt>
                <dd className="message-to" title={m.to.join(', ')}>
                  {m.to.join(', ')}
                </dd>
              </>
            )}
            {m.sentAt && (
              <>
                <dt>{t.sentAt}</dt>
                <dd>{formatDateTime(m.sentAt)}</dd>
              </>
            )}
          </dl>
          <pre className="message-text" data-testid="message-text">
            {m.text.trim() || t.noText}
          </pre>
          {m.textCut && <p className="muted">{t.cut}</p>}
          {m.attachments.length > 0 && (
            <>
              <h3>{t.attachments}</h3>
              <ul className="message-attachments">
                {m.attachments.map((a, i) => (
                  <li key={`${i}-${a.name}`}>
                    <span>{a.name}</span> <span className="muted">({t.size(a.size)})</span>{' '}
                    {a.fileId === null ? (
                      <span className="muted">{t.notKept}</span>
                    ) : (
                      <>
                        {openable.test(a.name) && (
                          <button type="button" className="link-button" onClick={() => open.mutate(a.fileId!)}>
                            {t.open}
                          </button>
                        )}{' '}
                        <button type="button" className="link-button" onClick={() => save.mutate(a.fileId!)}>
                          {t.save}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {save.data && (
            <p className="muted" role="status">
              {t.saved(save.data)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
