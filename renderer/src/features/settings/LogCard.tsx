import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOpenLogFolder } from '../../app/queries';
import { text } from './text';

/** Where the app writes what it did and every error, for the office to send to whoever supports it. */
export function LogCard() {
  const open = useOpenLogFolder();
  const t = text.log;
  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="muted">{t.help}</p>
      <button type="button" onClick={() => open.mutate()} disabled={open.isPending}>
        {t.open}
      </button>
      <ErrorMessage error={open.error} />
    </section>
  );
}
