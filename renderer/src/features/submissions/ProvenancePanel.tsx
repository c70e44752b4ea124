import { changeHowLabels } from '../../../../shared/domain/submissions';
import { formatFigure } from '../../../../shared/domain/cell-value';
import { formatDateTime } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOpenOriginal, useProvenance } from './queries';

const show = (v: number | string | null) =>
  v === null ? '(trống)' : typeof v === 'number' ? formatFigure(v, 'decimal') : v;

/** Where one figure came from (message, file, sheet, cell) and every change to it since. */
export function ProvenancePanel({
  refOf,
  onClose,
  onOpenUnit,
}: {
  refOf: { roundId: number; unitId: number; indicatorId: number };
  onClose: () => void;
  onOpenUnit?: () => void;
}) {
  const p = useProvenance(refOf);
  const open = useOpenOriginal();
  const d = p.data;
  return (
    <aside className="details narrow-details" aria-label="Nguồn gốc số liệu">
      <div className="toolbar">
        <h2 className="inline-title">Nguồn gốc số liệu</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Đóng">
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
            Số liệu: <strong data-testid="provenance-value">{show(d.value)}</strong>
            {d.comment ? ` · Ghi chú: ${d.comment}` : ''}
          </p>
          {d.source ? (
            <dl className="facts" data-testid="provenance-source">
              <dt>Tệp</dt>
              <dd>
                {d.source.fileName}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => open.mutate(d.source!.fileId)}
                  title="Mở một bản sao chỉ đọc của tệp gốc"
                >
                  Mở tệp gốc
                </button>
              </dd>
              {d.source.sheet && (
                <>
                  <dt>Trang tính</dt>
                  <dd>{d.source.sheet}</dd>
                </>
              )}
              {d.source.cell && (
                <>
                  <dt>Ô</dt>
                  <dd>{d.source.cell}</dd>
                </>
              )}
              {d.source.revision !== null && (
                <>
                  <dt>Lần gửi</dt>
                  <dd>{d.source.revision}</dd>
                </>
              )}
              {d.source.message && (
                <>
                  <dt>Thư</dt>
                  <dd>
                    {d.source.message.subject ?? '(không tiêu đề)'} — {d.source.message.from ?? ''}
                    {d.source.message.sentAt ? `, gửi ${formatDateTime(d.source.message.sentAt)}` : ''}
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted" data-testid="provenance-source">
              {d.value === null ? 'Chưa có số liệu.' : 'Nhập tay (không từ tệp).'}
            </p>
          )}
          <h3>Lịch sử thay đổi</h3>
          <ul className="notes" data-testid="provenance-history">
            {d.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at)}: {show(h.oldValue)} → {show(h.newValue)} ({changeHowLabels[h.how]}
                {h.fileName ? `, ${h.fileName}` : ''}){h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
            {d.history.length === 0 && <li className="muted">Chưa có thay đổi nào.</li>}
          </ul>
          {onOpenUnit && (
            <button type="button" onClick={onOpenUnit}>
              Mở bảng nhập liệu của đơn vị
            </button>
          )}
        </>
      )}
    </aside>
  );
}
