import { useState } from 'react';
import { missingHeaderFields } from '../../../../shared/domain/office';
import { useOfficeProfile } from './queries';
import { text } from './text';

/**
 * Before a document with the Decree's header is written: when the office's details are not filled in,
 * says which are missing (the header would read "…") and lets the clerk fill them in first or go on.
 * `run(go)` calls go at once when nothing is missing, or after "Vẫn xuất".
 */
export function useOfficeDetailsCheck() {
  const office = useOfficeProfile();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const missing = office.data ? missingHeaderFields(office.data) : [];
  const run = (go: () => void) => {
    if (missing.length === 0) go();
    else setPending(() => go);
  };
  const notice =
    pending === null ? null : (
      <div className="notice notice-warn office-check" role="alertdialog" aria-label={text.check.title}>
        <p>{text.check.message(missing.map((f) => text.fields.find((x) => x.key === f)!.label))}</p>
        <div className="actions">
          <a className="button primary" href="#/settings">
            {text.check.fill}
          </a>
          <button
            type="button"
            onClick={() => {
              setPending(null);
              pending();
            }}
          >
            {text.check.goOn}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {text.check.cancel}
          </button>
        </div>
      </div>
    );
  return { run, notice };
}
