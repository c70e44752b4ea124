import { useEffect, useState } from 'react';
import { mailSecurityLabels, type MailSecurity } from '../../../../shared/domain/mail';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Options } from '../../ui/Options';
import { useOutgoingServer, useSaveOutgoingServer, useSendTestMail } from './queries';
import { text } from './text';

const t = text.server;
const securities = ['tls', 'starttls', 'none'] as const;
const defaultPort: Record<MailSecurity, number> = { tls: 465, starttls: 587, none: 25 };

/** The office's outgoing server: where its mail goes out and as whom; "Gửi thử" to the office's own address. */
export function OutgoingServerCard() {
  const server = useOutgoingServer();
  const save = useSaveOutgoingServer();
  const test = useSendTestMail();
  const [form, setForm] = useState({
    host: '',
    port: 465,
    security: 'tls' as MailSecurity,
    user: '',
    password: '',
    fromAddress: '',
    fromName: '',
    signature: '',
    receipts: false,
  });
  useEffect(() => {
    if (server.data) {
      const { hasPassword: _kept, ...rest } = server.data;
      setForm((f) => ({ ...f, ...rest, password: '' }));
    }
  }, [server.data]);
  const set =
    <K extends keyof typeof form>(k: K) =>
    (value: (typeof form)[K]) => {
      save.reset();
      test.reset();
      setForm((f) => ({ ...f, [k]: value }));
    };

  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
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
          <input value={form.host} onChange={(e) => set('host')(e.target.value)} placeholder="mail.quangngai.gov.vn" />
        </label>
        <label>
          {t.security}
          <select
            value={form.security}
            onChange={(e) => {
              const security = e.target.value as MailSecurity;
              set('security')(security);
              if (form.port === defaultPort[form.security]) set('port')(defaultPort[security]);
            }}
          >
            <Options values={securities} labels={mailSecurityLabels} />
          </select>
        </label>
        <label>
          {t.port}
          <input type="number" value={form.port} onChange={(e) => set('port')(Number(e.target.value))} />
        </label>
        <label>
          {t.user}
          <input value={form.user} onChange={(e) => set('user')(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t.password}
          <input
            type="password"
            value={form.password}
            onChange={(e) => set('password')(e.target.value)}
            placeholder={server.data?.hasPassword ? t.passwordKept : ''}
            autoComplete="new-password"
          />
        </label>
        <label>
          {t.fromAddress}
          <input
            type="email"
            value={form.fromAddress}
            onChange={(e) => set('fromAddress')(e.target.value)}
            placeholder="thuongtruc@syt.quangngai.gov.vn"
          />
        </label>
        <label>
          {t.fromName}
          <input value={form.fromName} onChange={(e) => set('fromName')(e.target.value)} placeholder={t.fromNameHint} />
        </label>
        <label className="span-2">
          {t.signature}
          <textarea
            rows={2}
            value={form.signature}
            onChange={(e) => set('signature')(e.target.value)}
            placeholder={t.signatureHint}
          />
        </label>
        <label className="inline span-2">
          <input type="checkbox" checked={form.receipts} onChange={(e) => set('receipts')(e.target.checked)} />{' '}
          {t.receipts}
        </label>
        {form.security === 'none' && (
          <div className="notice notice-warn span-2" role="note">
            {t.noneWarning}
          </div>
        )}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={save.isPending}>
            {t.save}
          </button>
          <button
            type="button"
            disabled={!server.data || test.isPending || save.isPending}
            onClick={() => {
              save.reset();
              test.mutate();
            }}
          >
            {test.isPending ? t.testing : t.test}
          </button>
        </div>
      </form>
      <ErrorMessage error={server.error ?? save.error ?? test.error} />
      {save.isSuccess && (
        <div className="notice notice-ok" role="status">
          {t.saved}
        </div>
      )}
      {test.data && (
        <div className="notice notice-ok" role="status">
          {t.tested(test.data.to)}
        </div>
      )}
    </section>
  );
}
