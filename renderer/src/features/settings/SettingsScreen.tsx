import { useEffect, useState } from 'react';
import { emptyOfficeProfile, type OfficeProfile } from '../../../../shared/domain/office';
import { templatePlaceholders } from '../../../../shared/domain/appendix';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { BackupCard, CheckCard } from '../backup/BackupCard';
import {
  useChooseTemplate,
  useOfficeProfile,
  useOfficeTemplate,
  useRemoveTemplate,
  useSaveOfficeProfile,
  useSaveStarterTemplate,
} from './queries';
import { text } from './text';
import { LogCard } from './LogCard';
import { OutgoingServerCard } from '../mail/OutgoingServerCard';
import { textLimits } from '../../../../shared/domain/limits';
import { SavedNotice } from '../../ui/SavedNotice';

/** The office's own details that every document it produces carries. */
export function SettingsScreen() {
  const office = useOfficeProfile();
  const save = useSaveOfficeProfile();
  const t = text.office;
  const [draft, setDraft] = useState<OfficeProfile>(emptyOfficeProfile);
  useEffect(() => {
    if (office.data) setDraft(office.data);
  }, [office.data]);
  return (
    <section>
      <h1>{text.title}</h1>
      <form
        className="card"
        aria-label={t.title}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <h2>{t.title}</h2>
        <p className="muted">{t.help}</p>
        <div className="form-grid">
          {text.fields.map((f) => (
            <label key={f.key}>
              {f.label}
              <input
                value={draft[f.key]}
                placeholder={f.hint}
                maxLength={textLimits.officeField}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            </label>
          ))}
        </div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t.save}
        </button>
        {save.isSuccess && (
          <span className="muted" role="status">
            {' '}
            {t.saved}
          </span>
        )}
        <ErrorMessage error={office.error ?? save.error} />
      </form>
      <OutgoingServerCard />
      <BackupCard />
      <CheckCard />
      <LogCard />
      <TemplateCard />
    </section>
  );
}

/** The office's own Word template for appendices: kept in the database, tried before it is accepted. */
function TemplateCard() {
  const info = useOfficeTemplate();
  const choose = useChooseTemplate();
  const starter = useSaveStarterTemplate();
  const remove = useRemoveTemplate();
  const t = text.template;
  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="muted">{t.help}</p>
      <ul className="notes">
        {templatePlaceholders.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p data-testid="template-info">{info.data ? t.using(info.data.fileName) : t.none}</p>
      <div className="toolbar">
        <button type="button" onClick={() => starter.mutate()} disabled={starter.isPending}>
          {t.saveStarter}
        </button>
        <button type="button" className="primary" onClick={() => choose.mutate()} disabled={choose.isPending}>
          {t.choose}
        </button>
        {info.data && (
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t.remove}
          </button>
        )}
      </div>
      {starter.data && <SavedNotice path={starter.data} message={t.starterSaved(starter.data)} />}
      <ErrorMessage error={info.error ?? choose.error ?? starter.error ?? remove.error} />
    </section>
  );
}
