import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { backupKindLabels } from '../../../../shared/domain/backups';
import { formatDateTime, formatNumber } from '../../../../shared/text/format-vi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** When the data was last copied, a warning when that is long ago, "Sao lưu ngay" and a second location. */
export function BackupCard() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['backup'], queryFn: () => call('backup:get-status', {}) });
  const take = useMutation({
    mutationFn: () => call('backup:take-now', {}),
    onSuccess: (r) => client.setQueryData(['backup'], r.status),
  });
  const mirror = useMutation({
    mutationFn: () => call('backup:choose-mirror', {}),
    onSuccess: (s) => s && client.setQueryData(['backup'], s),
  });
  const s = status.data;
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="card" aria-label="Sao lưu dữ liệu">
      <h2>Sao lưu dữ liệu</h2>
      {s && (
        <>
          <p data-testid="backup-last">
            {s.last
              ? `Bản sao lưu gần nhất: ${formatDateTime(s.last.takenAt)} (${backupKindLabels[s.last.kind]}).`
              : 'Chưa có bản sao lưu nào.'}
          </p>
          {s.warning && (
            <div className="notice notice-warn" role="alert">
              {s.warning}
            </div>
          )}
          <p className="muted">
            Phần mềm tự sao lưu mỗi ngày khi mở và trước khi nâng cấp; giữ 7 bản hằng ngày, 4 bản hằng tuần và 12 bản
            hằng tháng, gồm cả các tệp gốc đã nhận. Thư mục: {s.folder}
          </p>
          <p>{s.mirror ? `Nơi lưu thứ hai: ${s.mirror}` : 'Chưa chọn nơi lưu thứ hai (USB, thư mục mạng).'}</p>
        </>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => take.mutate()} disabled={take.isPending}>
          {take.isPending ? 'Đang sao lưu…' : 'Sao lưu ngay'}
        </button>
        <button type="button" onClick={() => mirror.mutate()} disabled={mirror.isPending}>
          Chọn nơi lưu thứ hai…
        </button>
        {take.data && !take.data.mirrorProblem && (
          <span className="muted" role="status">
            Đã sao lưu.
          </span>
        )}
      </div>
      {take.data?.mirrorProblem && <div className="notice notice-warn">{take.data.mirrorProblem}</div>}
      {s && s.backups.length > 0 && (
        <details>
          <summary>Các bản sao lưu ({s.backups.length})</summary>
          <ul className="notes">
            {s.backups.map((b) => (
              <li key={b.name}>
                {formatDateTime(b.takenAt)} · {backupKindLabels[b.kind]} ·{' '}
                {(b.size / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setChosen(b.name)}
                  aria-label={`Xem để khôi phục bản ${formatDateTime(b.takenAt)}`}
                >
                  Xem để khôi phục…
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
  const client = useQueryClient();
  const summary = useQuery({ queryKey: ['backup', 'inspect', name], queryFn: () => call('backup:inspect', { name }) });
  const [understood, setUnderstood] = useState(false);
  const restore = useMutation({
    mutationFn: () => call('backup:restore', { name }),
    onSuccess: () => client.invalidateQueries(),
  });
  const b = summary.data;
  return (
    <div className="card" role="region" aria-label="Khôi phục bản sao lưu">
      <h3>Khôi phục bản sao lưu {b ? formatDateTime(b.takenAt) : ''}</h3>
      {b && (
        <>
          <table className="table" style={{ maxWidth: 560 }} aria-label="Nội dung bản sao lưu">
            <tbody>
              <tr>
                <th>Đơn vị</th>
                <td>{formatNumber(b.units)}</td>
              </tr>
              <tr>
                <th>Kế hoạch</th>
                <td>{formatNumber(b.plans)}</td>
              </tr>
              <tr>
                <th>Đợt báo cáo</th>
                <td>{formatNumber(b.rounds)}</td>
              </tr>
              <tr>
                <th>Số liệu</th>
                <td data-testid="backup-values">{formatNumber(b.values)}</td>
              </tr>
              <tr>
                <th>Tệp gốc đã nhận</th>
                <td>{formatNumber(b.files)}</td>
              </tr>
              <tr>
                <th>Số liệu sửa gần nhất</th>
                <td>{b.newestChange ? formatDateTime(b.newestChange) : '—'}</td>
              </tr>
            </tbody>
          </table>
          {b.problems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              Không khôi phục được bản này: {b.problems.join('; ')}
            </div>
          ) : (
            !restore.data && (
              <>
                <label className="inline-check">
                  <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
                  Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được sao lưu trước, có thể lấy
                  lại).
                </label>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={!understood || restore.isPending}
                    onClick={() => restore.mutate()}
                  >
                    {restore.isPending ? 'Đang khôi phục…' : 'Khôi phục bản này'}
                  </button>
                  <button type="button" onClick={onClose}>
                    Hủy
                  </button>
                </div>
              </>
            )
          )}
        </>
      )}
      {restore.data && (
        <div className="notice notice-ok" role="status">
          Đã khôi phục. Dữ liệu trước khi khôi phục được giữ ở bản sao lưu {restore.data.safetyCopy}.
        </div>
      )}
      <ErrorMessage error={summary.error ?? restore.error} />
    </div>
  );
}

/** The full check on demand: structure, links, every original's checksum, every figure's provenance. */
export function CheckCard() {
  const check = useMutation({ mutationFn: () => call('backup:check', { full: true }) });
  return (
    <section className="card" aria-label="Kiểm tra dữ liệu">
      <h2>Kiểm tra dữ liệu</h2>
      <p className="muted">
        Mỗi lần mở, phần mềm kiểm tra nhanh cấu trúc tệp dữ liệu. Kiểm tra đầy đủ xem thêm từng tệp gốc đã nhận (mã kiểm
        tra) và nguồn gốc của từng số liệu.
      </p>
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? 'Đang kiểm tra…' : 'Kiểm tra đầy đủ'}
      </button>
      {check.data &&
        (check.data.ok ? (
          <div className="notice notice-ok" role="status">
            Dữ liệu đạt kiểm tra đầy đủ.
          </div>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>Phát hiện {check.data.problems.length} vấn đề:</p>
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
