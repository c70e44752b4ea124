import { useEffect, useState } from 'react';
import { useApplyOfficialList, useOpenOfficialList, usePreviewOfficialList } from './queries';
import type { OfficialListChoices, OfficialListPreview } from '../../../../shared/domain/official-list';
import { describeOfficialList, officialListChanges } from '../../../../shared/domain/official-list';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { text } from './text';

const t = text.official;

/**
 * The statistics office's administrative-unit list: the user picks the file, sees what it would
 * change among the units of the list's day (for the provinces chosen), adjusts the day, the
 * provinces and how reused codes are read, and only then applies it.
 */
export function OfficialListPanel({ onClose }: { onClose: () => void }) {
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

  const open = useOpenOfficialList();
  const refresh = usePreviewOfficialList();
  const apply = useApplyOfficialList();
  const key = JSON.stringify(choices);
  const previewAgain = refresh.mutate;
  const applied = apply.data !== undefined;
  useEffect(() => {
    if (token && !applied)
      previewAgain({ token, choices: JSON.parse(key) as OfficialListChoices }, { onSuccess: setPreview });
  }, [key, token, applied, previewAgain]);

  const toggleProvince = (code: string) =>
    setProvinces((p) => ((p ?? []).includes(code) ? (p ?? []).filter((c) => c !== code) : [...(p ?? []), code]));
  const lines = preview ? describeOfficialList(preview) : [];

  return (
    <aside className="details wide-details" aria-label={t.title}>
      <div className="toolbar">
        <h2 className="inline-title">{t.title}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={text.close}>
          ✕
        </button>
      </div>
      <p className="muted">{t.help}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() =>
            open.mutate(choices, {
              onSuccess: (r) => {
                if (!r) return;
                setToken(r.token);
                setPreview(r.preview);
                setProvinces(r.preview.provinces);
              },
            })
          }
          disabled={open.isPending}
        >
          {preview ? t.chooseOther : t.choose}
        </button>
      </div>
      <ErrorMessage error={open.error ?? refresh.error ?? apply.error} />
      {preview && (
        <div className="stacked-form">
          <label className="wide-field">
            {t.date}
            <input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-label={t.dateLabel}
              disabled={apply.isSuccess}
            />
          </label>
          <fieldset disabled={apply.isSuccess}>
            <legend>{t.provinces}</legend>
            {preview.provincesInFile.map((p) => (
              <label key={p.code} className="inline-label">
                <input
                  type="checkbox"
                  checked={(provinces ?? preview.provinces).includes(p.code)}
                  onChange={() => toggleProvince(p.code)}
                />
                {t.province(p.code, p.name, p.units)}
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
            {t.reusedCodes}
          </label>
          <label className="wide-field">
            {t.basis}
            <input
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              placeholder={t.basisHint}
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
                onClick={() => token && apply.mutate({ token, choices }, { onSuccess: setPreview })}
              >
                {t.apply}
              </button>
            </div>
          )}
        </div>
      )}
    </aside>
  );
}
