import { formatResult, type TargetEvaluation } from '../../../../shared/domain/targets';
import { StatusChip } from '../../ui/StatusChip';
import { text } from './text';

/** A unit's figure behind a result: the figure itself, never a percentage. */
const figure = (e: TargetEvaluation, v: number | null) =>
  formatResult({ actual: v, kind: e.kind, measure: null }) ?? '';

/** How one result was computed, in words, and the units and figures behind it. */
export function EvaluationPanel({ evaluation: e, onClose }: { evaluation: TargetEvaluation; onClose: () => void }) {
  return (
    <aside className="details wide-details overlay" aria-label={text.drillTitle(e.code, e.period)}>
      <div className="toolbar">
        <h2 className="inline-title">{text.drillTitle(e.code, e.period)}</h2>
        <button type="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
      <p>
        <StatusChip status={e.status} /> <span className="muted">{e.scopeName}</span>
      </p>
      <p className="explanation" data-testid="explanation">
        {e.explanation}
      </p>
      {e.details.length === 0 ? (
        <p className="muted">{text.noDetails}</p>
      ) : (
        <table className="table" aria-label={text.unitFigures}>
          <thead>
            <tr>
              <th>{text.col.unit}</th>
              <th>{e.detailColumns[0]}</th>
              {e.detailColumns[1] && <th>{e.detailColumns[1]}</th>}
              {e.kind === 'share-of-units' && <th>{text.col.meets}</th>}
            </tr>
          </thead>
          <tbody>
            {e.details.map((d) => (
              <tr key={d.unitId}>
                <td>{d.unitName}</td>
                <td className="cell-value">
                  {d.value === null ? <span className="muted">{text.noFigure}</span> : figure(e, d.value)}
                </td>
                {e.detailColumns[1] && <td className="cell-value">{figure(e, d.second)}</td>}
                {e.kind === 'share-of-units' && (
                  <td>{d.meets === null ? '—' : d.meets ? text.meets.yes : text.meets.no}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
