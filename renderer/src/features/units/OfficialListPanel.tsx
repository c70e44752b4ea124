import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { OfficialListChoices, OfficialListPreview } from '../../../../shared/domain/official-list';
import { describeOfficialList, officialListChanges } from '../../../../shared/domain/official-list';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * The statistics office's administrative-unit list: the user picks the file, sees what it would
 * change among the units of the list's day (for the provinces chosen), adjusts the day, the
 * provinces and how reused codes are read, and only then applies it.
 */
export function OfficialListPanel({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [token, setToken] = useState<string | null>(null);
  const [preview, setPreview] = useState<OfficialListPreview | null>(null);
  const [date, setDate] = useState('');
  const [provinces, setProvinces] = useState<string[] | null>(null);
  const [reusedCodes, setReusedCodes] = useState(false);
  const [basis, setBasis] = useState('');
  const choices: OfficialListChoices = {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    ...(provinces ? { provinces } : {}),
    reusedCodes,
    ...(basis.trim() ? { basis: basis.trim() } : {}),
  };

  const open = useMutation({
    mutationFn: () => call('units:open-official-list', choices),
    onSuccess: (r) => {
      if (!r) return;
      setToken(r.token);
      setPreview(r.preview);
      setProvinces(r.preview.provinces);
    },
  });
  const refresh = useMutation({
    mutationFn: (t: string) => call('units:preview-official-list', { token: t, choices }),
    onSuccess: setPreview,
  });
  const apply = useMutation({
    mutationFn: (t: string) => call('units:apply-official-list', { token: t, choices }),
    onSuccess: (r) => {
      setPreview(r);
      void client.invalidateQueries();
    },
  });
  const key = JSON.stringify(choices);
  const previewAgain = refresh.mutate;
  const applied = apply.data !== undefined;
  useEffect(() => {
    if (token && !applied) previewAgain(token);
  }, [key, token, applied, previewAgain]);

  const toggleProvince = (code: string) =>
    setProvinces((p) => ((p ?? []).includes(code) ? (p ?? []).filter((c) => c !== code) : [...(p ?? []), code]));
  const lines = preview ? describeOfficialList(preview) : [];

  return (
    <aside className="details wide-details" aria-label="Danh mục đơn vị hành chính">
      <div className="toolbar">
        <h2 className="inline-title">Danh mục đơn vị hành chính</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Đóng">
          ✕
        </button>
      </div>
      <p className="muted">
        Tệp Excel danh mục của cơ quan thống kê (các cột Mã TP, Tỉnh / Thành phố, Mã QH, Quận Huyện, Mã PX, Phường Xã).
        Phần mềm cho xem trước mọi thay đổi; chỉ khi bấm "Áp dụng" mới ghi, sau khi sao lưu.
      </p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => open.mutate()} disabled={open.isPending}>
          {preview ? 'Chọn tệp khác…' : 'Chọn tệp danh mục…'}
        </button>
      </div>
      <ErrorMessage error={open.error ?? refresh.error ?? apply.error} />
      {preview && (
        <div className="stacked-form">
          <label className="wide-field">
            Ngày danh mục có hiệu lực (để trống: hôm nay, đơn vị mới không ghi ngày bắt đầu)
            <input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-label="Ngày danh mục có hiệu lực"
              disabled={apply.isSuccess}
            />
          </label>
          <fieldset disabled={apply.isSuccess}>
            <legend>Tỉnh lấy từ danh mục</legend>
            {preview.provincesInFile.map((p) => (
              <label key={p.code} className="inline-label">
                <input
                  type="checkbox"
                  checked={(provinces ?? preview.provinces).includes(p.code)}
                  onChange={() => toggleProvince(p.code)}
                />
                {p.code} {p.name} ({p.units} đơn vị)
              </label>
            ))}
          </fieldset>
          <label className="inline-label">
            <input
              type="checkbox"
              checked={reusedCodes}
              onChange={(e) => setReusedCodes(e.target.checked)}
              disabled={apply.isSuccess}
            />
            Mã trùng nhưng khác tên là đơn vị mới (mã được dùng lại từ 01/7/2025)
          </label>
          <label className="wide-field">
            Căn cứ (số quyết định ban hành danh mục)
            <input
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              placeholder="Ví dụ: QĐ 19/2025/QĐ-TTg"
              disabled={apply.isSuccess}
            />
          </label>
          <div
            className={apply.isSuccess ? 'notice notice-ok' : 'notice'}
            role="status"
            data-testid="official-list-preview"
          >
            {lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </div>
          {!apply.isSuccess && (
            <div className="toolbar">
              <span className="spacer" />
              <button
                type="button"
                className="primary"
                disabled={!token || officialListChanges(preview) === 0 || apply.isPending || refresh.isPending}
                onClick={() => token && apply.mutate(token)}
              >
                Áp dụng
              </button>
            </div>
          )}
        </div>
      )}
    </aside>
  );
}
