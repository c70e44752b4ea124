import { formatNumber } from '../../../../shared/text/format-vi';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Dashboard } from './Dashboard';
import { useCreateDemo, useStatus } from '../../app/queries';
import { useDashboard } from '../targets/queries';
import { text } from './text';

export function OverviewScreen() {
  const status = useStatus();
  const demo = useCreateDemo();
  const dashboard = useDashboard();

  return (
    <section>
      <h1>{text.title}</h1>
      <ErrorMessage error={status.error ?? demo.error} />
      {demo.data && (
        <div className="notice notice-ok" role="status">
          {text.demoCreated(demo.data.units, demo.data.targets, demo.data.tasks, demo.data.rounds)}
        </div>
      )}
      {status.isPending && <p>{text.loading}</p>}
      {status.data?.isEmpty && (
        <div className="card welcome">
          <h2>{text.welcomeTitle}</h2>
          <p>{text.welcomeBody}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => demo.mutate()} disabled={demo.isPending}>
              {demo.isPending ? text.creatingDemo : text.createDemo}
            </button>
            <a className="button" href="#/units">
              {text.goToUnits}
            </a>
          </div>
        </div>
      )}
      {status.data && !status.data.isEmpty && (
        <div className="stat-row">
          {(Object.keys(text.counts) as (keyof typeof text.counts)[]).map((k) => (
            <div className="stat" key={k} data-testid={`count-${k}`}>
              <div className="stat-value">{formatNumber(status.data.counts[k])}</div>
              <div className="stat-label">{text.counts[k]}</div>
            </div>
          ))}
        </div>
      )}
      <ErrorMessage error={dashboard.error} />
      {status.data && !status.data.isEmpty && dashboard.data && <Dashboard view={dashboard.data} />}
      {status.data && (
        <p className="muted">
          {text.database}: {status.data.databasePath}
        </p>
      )}
    </section>
  );
}
