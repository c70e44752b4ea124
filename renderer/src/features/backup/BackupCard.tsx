import { useState } from 'react';
import { backupKindLabels } from '../../../../shared/domain/backups';
import { formatDateTime, formatNumber } from '../../../../shared/text/format-vi';
import {
  useBackupStatus,
  useCheckDatabase,
  useChooseMirror,
  useInspectBackup,
  useRestoreBackup,
  useTakeBackup,
} from './queries';
import { text } from './text';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** When the data was last copied, a warning when that is long ago, "Sao lưu ngay" and a second location. */
export function BackupCard() {
  const status = useBackupStatus();
  const take = useTakeBackup();
  const mirror = useChooseMirror();
  const s = status.data;
  const t = text.backup;
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
      {s && (
        <>
          <p data-testid="backup-last">{s.last ? t.last(s.last.takenAt, backupKindLabels[s.last.kind]) : t.none}</p>
          {s.warning && (
            <div className="notice notice-warn" role="alert">
              {s.warning}
            </div>
          )}
          <p className="muted">{t.policy(s.folder)}</p>
          <p>{s.mirror ? t.mirror(s.mirror) : t.noMirror}</p>
        </>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => take.mutate()} disabled={take.isPending}>
          {take.isPending ? t.taking : t.take}
        </button>
        <button type="button" onClick={() => mirror.mutate()} disabled={mirror.isPending}>
          {t.chooseMirror}
        </button>
        {take.data && !take.data.mirrorProblem && (
          <span className="muted" role="status">
            {t.taken}
          </span>
        )}
      </div>
      {take.data?.mirrorProblem && <div className="notice notice-warn">{take.data.mirrorProblem}</div>}
      {s && s.backups.length > 0 && (
        <details>
          <summary>{t.list(s.backups.length)}</summary>
          <ul className="notes">
            {s.backups.map((b) => (
              <li key={b.name}>
                {formatDateTime(b.takenAt)} · {backupKindLabels[b.kind]} ·{' '}
                {(b.size / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setChosen(b.name)}
                  aria-label={t.inspectLabel(b.takenAt)}
                >
                  {t.inspect}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {chosen && <RestorePanel key={chosen} name={chosen} onClose={() => setChosen(null)} />}
      <ErrorMessage error={status.error ?? take.error ?? mirror.error} />
    </section>
  );
}

/**
 * What a backup holds, before it replaces the data: when it was taken, what it counts, the newest
 * change, and whether it passes the check. Restoring keeps the current data as a backup first.
 */
function RestorePanel({ name, onClose }: { name: string; onClose: () => void }) {
  const summary = useInspectBackup(name);
  const [understood, setUnderstood] = useState(false);
  const restore = useRestoreBackup(name);
  const b = summary.data;
  const t = text.restore;
  return (
    <div className="card" role="region" aria-label={t.region}>
      <h3>{t.title(b?.takenAt ?? null)}</h3>
      {b && (
        <>
          <table className="table" style={{ maxWidth: 560 }} aria-label={t.contents}>
            <tbody>
              <tr>
                <th>{t.units}</th>
                <td>{formatNumber(b.units)}</td>
              </tr>
              <tr>
                <th>{t.plans}</th>
                <td>{formatNumber(b.plans)}</td>
              </tr>
              <tr>
                <th>{t.rounds}</th>
                <td>{formatNumber(b.rounds)}</td>
              </tr>
              <tr>
                <th>{t.values}</th>
                <td data-testid="backup-values">{formatNumber(b.values)}</td>
              </tr>
              <tr>
                <th>{t.files}</th>
                <td>{formatNumber(b.files)}</td>
              </tr>
              <tr>
                <th>{t.newestChange}</th>
                <td>{b.newestChange ? formatDateTime(b.newestChange) : '—'}</td>
              </tr>
            </tbody>
          </table>
          {b.problems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              {t.refused(b.problems)}
            </div>
          ) : (
            !restore.data && (
              <>
                <label className="inline-check">
                  <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
                  {t.understood}
                </label>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={!understood || restore.isPending}
                    onClick={() => restore.mutate()}
                  >
                    {restore.isPending ? t.restoring : t.restore}
                  </button>
                  <button type="button" onClick={onClose}>
                    {t.cancel}
                  </button>
                </div>
              </>
            )
          )}
        </>
      )}
      {restore.data && (
        <div className="notice notice-ok" role="status">
          {t.done(restore.data.safetyCopy)}
        </div>
      )}
      <ErrorMessage error={summary.error ?? restore.error} />
    </div>
  );
}

/** The full check on demand: structure, links, every original's checksum, every figure's provenance. */
export function CheckCard() {
  const check = useCheckDatabase();
  const t = text.check;
  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="muted">{t.help}</p>
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? t.checking : t.run}
      </button>
      {check.data &&
        (check.data.ok ? (
          <div className="notice notice-ok" role="status">
            {t.ok}
          </div>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>{t.problems(check.data.problems.length)}</p>
            <ul>
              {check.data.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        ))}
      <ErrorMessage error={check.error} />
    </section>
  );
}
