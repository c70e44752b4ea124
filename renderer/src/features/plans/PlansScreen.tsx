import { planTypeLabels, targetKindLabels, taskStatusLabels, type TargetSummary } from '../../../../shared/domain/plans';
import { formatDate, formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { usePlans } from './queries';
import { text } from './text';

function thresholdText(t: TargetSummary): string {
  const unit = t.kind === 'count' || t.kind === 'yes-no' ? '' : '%';
  if (t.comparator === 'between') return `${formatNumber(t.threshold)}–${formatNumber(t.thresholdHigh)}${unit}`;
  return `${text.comparator[t.comparator]} ${formatNumber(t.threshold)}${unit}`;
}

export function PlansScreen() {
  const plans = usePlans();
  return (
    <section>
      <h1>{text.title}</h1>
      <ErrorMessage error={plans.error} />
      {plans.isPending && <p>{text.loading}</p>}
      {plans.data?.length === 0 && <p className="muted">{text.empty}</p>}
      {plans.data?.map((p) => (
        <article className="card" key={p.id}>
          <h2>{p.title}</h2>
          <p className="muted">
            {planTypeLabels[p.type]} · {text.number(p.docNumber)}
            {p.docDate ? ` ngày ${formatDate(p.docDate)}` : ''} · {text.issuedBy}: {p.issuer} · {text.period}:{' '}
            {p.periodStart === p.periodEnd ? p.periodStart : `${p.periodStart}-${p.periodEnd}`}
          </p>
          <h3>{text.targets}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{text.col.code}</th>
                <th>{text.col.text}</th>
                <th>{text.col.kind}</th>
                <th>{text.col.threshold}</th>
              </tr>
            </thead>
            <tbody>
              {p.targets.map((t) => (
                <tr key={t.id}>
                  <td>{t.code}</td>
                  <td>{t.text}</td>
                  <td>{targetKindLabels[t.kind]}</td>
                  <td className="nowrap">{thresholdText(t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{text.tasks}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{text.col.content}</th>
                <th>{text.col.lead}</th>
                <th>{text.col.coordinators}</th>
                <th>{text.col.deadline}</th>
                <th>{text.col.status}</th>
              </tr>
            </thead>
            <tbody>
              {p.tasks.map((t) => (
                <tr key={t.id}>
                  <td>{t.content}</td>
                  <td>{t.leadUnitName ?? text.unnamedLead}</td>
                  <td>{t.coordinatingUnitNames.join(', ')}</td>
                  <td className="nowrap">{formatDate(t.deadline)}</td>
                  <td>{taskStatusLabels[t.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
