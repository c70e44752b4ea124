import { useEffect, useState } from 'react';
import { useMailbox, useSaveMailbox } from './queries';
import { text } from './text';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The mailbox the office watches: server, account, folder; the password goes to the system's safe storage. */
export function MailboxCard() {
  const mailbox = useMailbox();
  const save = useSaveMailbox();
  const t = text.mailbox;
  const [form, setForm] = useState({ host: '', port: 993, secure: true, user: '', folder: 'INBOX', password: '' });
  useEffect(() => {
    if (mailbox.data) setForm((f) => ({ ...f, ...mailbox.data, password: '' }));
  }, [mailbox.data]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({
      ...form,
      [k]: k === 'secure' ? e.target.checked : k === 'port' ? Number(e.target.value) : e.target.value,
    });

  return (
    <details className="card compact">
      <summary>
        <strong>{t.title}</strong> <span className="muted">· {t.lastChecked(mailbox.data?.lastCheckedAt ?? null)}</span>
      </summary>
      <p className="muted">{t.help}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          const { password, ...rest } = form;
          save.mutate(password ? { ...rest, password } : rest);
        }}
      >
        <label>
          {t.host}
          <input value={form.host} onChange={set('host')} />
        </label>
        <label>
          {t.port}
          <input type="number" value={form.port} onChange={set('port')} />
        </label>
        <label>
          {t.user}
          <input value={form.user} onChange={set('user')} />
        </label>
        <label>
          {t.password}
          <input
            type="password"
            value={form.password}
            onChange={set('password')}
            placeholder={mailbox.data?.hasPassword ? t.passwordKept : ''}
          />
        </label>
        <label>
          {t.folder}
          <input value={form.folder} onChange={set('folder')} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.secure} onChange={set('secure')} /> {t.secure}
        </label>
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t.save}
          </button>
        </div>
      </form>
      <ErrorMessage error={mailbox.error ?? save.error} />
      {save.isSuccess && <div className="notice notice-ok">{t.saved}</div>}
    </details>
  );
}
