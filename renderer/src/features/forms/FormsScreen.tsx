import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toEditorRows, toSavedRows, type EditorRow } from './editor-rows';
import { FormRowsEditor } from './FormRowsEditor';
import { RulesPanel } from './RulesPanel';
import { useCreateForm, useDraftFromFile, useForm, useForms, useSaveFormRows } from './queries';
import { text } from './text';

interface Draft {
  draftId: string;
  fileName: string;
  tableName: string;
  name: string;
  rows: EditorRow[];
}

export function FormsScreen() {
  const forms = useForms();
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const detail = useForm(draft ? null : selected);
  const [rows, setRows] = useState<EditorRow[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const readFile = useDraftFromFile();
  const create = useCreateForm();
  const save = useSaveFormRows();

  useEffect(() => {
    if (selected === null && forms.data?.[0]) setSelected(forms.data[0].id);
  }, [forms.data, selected]);
  useEffect(() => {
    if (detail.data) {
      setRows(toEditorRows(detail.data.rows));
      setDirty(false);
    }
  }, [detail.data]);

  const startImport = () =>
    readFile.mutate(undefined, {
      onSuccess: (d) => {
        if (!d) return;
        setDraft({
          draftId: d.draftId,
          fileName: d.fileName,
          tableName: d.tableName,
          name: d.suggestedName,
          rows: toEditorRows(d.rows),
        });
      },
    });

  const saveDraft = () => {
    if (!draft) return;
    create.mutate(
      { name: draft.name, draftId: draft.draftId, rows: toSavedRows(draft.rows) },
      {
        onSuccess: (saved) => {
          setDraft(null);
          setSelected(saved.form.id);
        },
      },
    );
  };

  const saveRows = () => {
    if (selected === null || !rows) return;
    save.mutate({ formId: selected, rows: toSavedRows(rows) }, { onSuccess: () => setDirty(false) });
  };

  return (
    <section className="screen-fill">
      <h1>{text.title}</h1>
      <div className="toolbar">
        {!!forms.data?.length && (
          <select
            aria-label={text.chooseForm}
            value={selected ?? ''}
            disabled={!!draft || !forms.data?.length}
            onChange={(e) => setSelected(Number(e.target.value))}
          >
            {forms.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({text.formItem(f.rows, f.valueRows, f.latestVersion)})
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <button type="button" className="primary" onClick={startImport} disabled={readFile.isPending || !!draft}>
          {readFile.isPending ? text.reading : text.importFromFile}
        </button>
      </div>
      <ErrorMessage error={forms.error ?? readFile.error ?? create.error ?? save.error ?? detail.error} />
      {forms.data?.length === 0 && !draft && <p className="muted">{text.noForms}</p>}

      {draft && (
        <>
          <div className="card compact">
            <strong>{text.previewTitle(draft.fileName, draft.tableName)}</strong>
            <p className="muted">{text.previewHelp}</p>
            <div className="toolbar">
              <label>
                {text.name}:{' '}
                <input
                  className="wide"
                  value={draft.name}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
              </label>
              <span className="spacer" />
              <button type="button" onClick={() => setDraft(null)}>
                {text.cancel}
              </button>
              <button type="button" className="primary" onClick={saveDraft} disabled={create.isPending}>
                {create.isPending ? text.saving : text.saveNew}
              </button>
            </div>
          </div>
          <FormRowsEditor rows={draft.rows} onChange={(r) => setDraft({ ...draft, rows: r })} />
        </>
      )}

      {!draft && rows && detail.data && (
        <>
          {detail.data.versionHasData && <div className="notice notice-warn">{text.newVersionWarning}</div>}
          <RulesPanel key={detail.data.form.id} formId={detail.data.form.id} />
          {save.isSuccess && !dirty && (
            <div className="notice notice-ok" role="status">
              {text.saved}
            </div>
          )}
          <div className="toolbar">
            {dirty && <span className="muted">{text.rowsChanged}</span>}
            <span className="spacer" />
            <button type="button" className="primary" onClick={saveRows} disabled={!dirty || save.isPending}>
              {save.isPending ? text.saving : text.saveChanges}
            </button>
          </div>
          <FormRowsEditor
            rows={rows}
            onChange={(r) => {
              setRows(r);
              setDirty(true);
            }}
          />
        </>
      )}
    </section>
  );
}
