import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import type { ColDef, GridApi, IRowNode } from 'ag-grid-community';
import { unitKindLabels, type UnitTreeRow } from '../../../../shared/domain/units';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { gridTheme } from '../../ui/grid-theme';
import { useImportUnits, useUnitEvents, useUnits } from './queries';
import { useImportOfficeDatabase } from '../office/queries';
import { describeOfficeImport } from '../../../../shared/domain/office-import';
import { UnitChangeWizard } from './UnitChangeWizard';
import { OfficialListPanel } from './OfficialListPanel';
import { describeUnitChange, unitEventLabels } from '../../../../shared/domain/unit-events';
import { formatDate } from '../../../../shared/text/format-vi';
import { addDays } from '../../../../shared/clock';
import { text } from './text';
import { visibleUnitIds } from './unit-visibility';
import '../../ui/grid-modules';

interface NameCellContext {
  collapsed: ReadonlySet<number>;
  toggle(id: number): void;
  searching: boolean;
}

function NameCell(props: CustomCellRendererProps<UnitTreeRow>) {
  const row = props.data!;
  const ctx = props.context as NameCellContext;
  const open = ctx.searching || !ctx.collapsed.has(row.id);
  return (
    <span className="tree-cell" style={{ paddingLeft: row.level * 20 }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          aria-label={text.toggle(open, row.name)}
          onClick={() => ctx.toggle(row.id)}
        >
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="tree-toggle-space" />
      )}
      {row.name}
    </span>
  );
}

/** "từ 01/07/2025", "đến 30/06/2025" (valid_to is the first day without the unit). */
function validityText(u: UnitTreeRow): string {
  const parts: string[] = [];
  if (u.validFrom) parts.push(text.validFrom(formatDate(u.validFrom)));
  if (u.validTo) parts.push(text.validTo(formatDate(addDays(u.validTo, -1))));
  return parts.join(' ');
}

export function UnitsScreen() {
  const [day, setDay] = useState('');
  const [panel, setPanel] = useState<'none' | 'wizard' | 'events' | 'official'>('none');
  const units = useUnits(/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined);
  const importUnits = useImportUnits();
  const importOffice = useImportOfficeDatabase();
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const gridApi = useRef<GridApi<UnitTreeRow> | null>(null);

  const rows = useMemo(() => units.data ?? [], [units.data]);
  const visible = useMemo(() => visibleUnitIds(rows, collapsed, query), [rows, collapsed, query]);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  useEffect(() => {
    gridApi.current?.onFilterChanged();
    gridApi.current?.refreshCells({ columns: ['name'], force: true });
  }, [visible]);

  const toggle = useCallback((id: number) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const columns = useMemo<ColDef<UnitTreeRow>[]>(
    () => [
      { field: 'code', headerName: text.col.code, width: 110, sortable: false },
      {
        field: 'name',
        colId: 'name',
        headerName: text.col.name,
        flex: 2,
        minWidth: 280,
        cellRenderer: NameCell,
        sortable: false,
      },
      {
        colId: 'kind',
        headerName: text.col.kind,
        flex: 1,
        minWidth: 180,
        valueGetter: (p) => (p.data ? unitKindLabels[p.data.kind] : ''),
        sortable: false,
      },
      {
        colId: 'emails',
        headerName: text.col.emails,
        flex: 2,
        minWidth: 220,
        valueGetter: (p) => p.data?.emails.join(', ') ?? '',
        sortable: false,
      },
      {
        colId: 'validity',
        headerName: text.col.validity,
        width: 200,
        valueGetter: (p) => (p.data ? validityText(p.data) : ''),
        sortable: false,
      },
    ],
    [],
  );

  const context = useMemo<NameCellContext>(
    () => ({ collapsed, toggle, searching: query.trim() !== '' }),
    [collapsed, toggle, query],
  );
  const parentIds = useMemo(() => rows.filter((r) => r.hasChildren).map((r) => r.id), [rows]);

  return (
    <section className="screen-fill">
      <h1>{text.title}</h1>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={text.searchPlaceholder}
          aria-label={text.searchPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" onClick={() => setCollapsed(new Set())}>
          {text.expandAll}
        </button>
        <button type="button" onClick={() => setCollapsed(new Set(parentIds))}>
          {text.collapseAll}
        </button>

        <span className="spacer" />
        <span className="muted" data-testid="unit-count">
          {text.count(visible.size, rows.length)}
        </span>
        <button
          type="button"
          className="primary"
          onClick={() => importUnits.mutate()}
          disabled={importUnits.isPending}
          title={text.importHelp}
        >
          {importUnits.isPending ? text.importing : text.importFile}
        </button>
      </div>
      <div className="toolbar">
        <label className="inline-label nowrap">
          {text.asOf}
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label={text.asOf} />
        </label>
        {day && (
          <button type="button" onClick={() => setDay('')}>
            {text.today}
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="nowrap"
          onClick={() => setPanel(panel === 'events' ? 'none' : 'events')}
          aria-pressed={panel === 'events'}
        >
          {text.events}
        </button>
        <button type="button" className="nowrap" onClick={() => setPanel('wizard')}>
          {text.recordChange}
        </button>
        <button type="button" className="nowrap" onClick={() => setPanel('official')}>
          {text.officialList}
        </button>
        <button
          type="button"
          className="nowrap"
          onClick={() => importOffice.mutate()}
          disabled={importOffice.isPending}
          title={text.importOfficeHelp}
        >
          {importOffice.isPending ? text.importingOffice : text.importOffice}
        </button>
      </div>
      <ErrorMessage error={units.error ?? importUnits.error ?? importOffice.error} />
      {importOffice.data && (
        <div className="notice notice-ok" role="status" data-testid="office-import-result">
          {describeOfficeImport(importOffice.data).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
      {importUnits.data && (
        <div className="notice notice-ok" role="status">
          {text.imported(
            importUnits.data.fileName,
            importUnits.data.created,
            importUnits.data.updated,
            importUnits.data.unchanged,
          )}
        </div>
      )}
      <div className="split">
        <div className="grid-box">
          <AgGridReact<UnitTreeRow>
            theme={gridTheme}
            rowData={rows}
            columnDefs={columns}
            context={context}
            getRowId={(p) => String(p.data.id)}
            localeText={text.grid}
            loading={units.isPending}
            isExternalFilterPresent={() => true}
            doesExternalFilterPass={(node: IRowNode<UnitTreeRow>) =>
              !!node.data && visibleRef.current.has(node.data.id)
            }
            onGridReady={(e) => {
              gridApi.current = e.api;
            }}
            suppressCellFocus={false}
            animateRows={false}
          />
        </div>
        {panel === 'wizard' && <UnitChangeWizard key="wizard" onClose={() => setPanel('none')} />}
        {panel === 'events' && <EventLog onClose={() => setPanel('none')} />}
        {panel === 'official' && <OfficialListPanel key="official" onClose={() => setPanel('none')} />}
      </div>
    </section>
  );
}

/** The recorded merges, splits and endings, newest first, with their legal basis. */
function EventLog({ onClose }: { onClose: () => void }) {
  const events = useUnitEvents();
  return (
    <aside className="details" aria-label={text.events}>
      <div className="toolbar">
        <h2 className="inline-title">{text.events}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={text.close}>
          ✕
        </button>
      </div>
      <ErrorMessage error={events.error} />
      <ul className="notes" data-testid="unit-events">
        {(events.data ?? []).map((e) => (
          <li key={e.id}>
            <strong>
              {formatDate(e.date)} · {unitEventLabels[e.kind]}
            </strong>
            : {describeUnitChange(e)}
            {e.basis && <div className="muted">{text.basis(e.basis)}</div>}
          </li>
        ))}
        {events.data?.length === 0 && <li className="muted">{text.noEvents}</li>}
      </ul>
    </aside>
  );
}
