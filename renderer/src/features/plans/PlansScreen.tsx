import { useHashPath } from '../../app/use-hash-path';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NewPlanFromText } from './NewPlanFromText';
import { PlanDetailView } from './PlanDetailView';
import { planMeta } from './plan-meta';
import { usePlans } from './queries';
import { text } from './text';
import { RegistersScreen } from '../targets/RegistersScreen';

/** Plans: the list (#/plans), a new plan from pasted text (#/plans/new), one plan (#/plans/{id}). */
export function PlansScreen() {
  const plans = usePlans();
  const [path, go] = useHashPath();
  if (path[1] === 'new') return <NewPlanFromText onSaved={(id) => go(['plans', id])} onCancel={() => go(['plans'])} />;
  if (path[1] === 'registers') return <RegistersScreen onBack={() => go(['plans'])} />;
  const openId = Number(path[1]) || null;
  const open = plans.data?.find((p) => p.id === openId);
  if (open) return <PlanDetailView plan={open} onBack={() => go(['plans'])} />;

  return (
    <section>
      <div className="toolbar">
        <h1 className="inline-title">{text.title}</h1>
        <a className="button primary" href="#/plans/new">
          {text.addFromText}
        </a>
        <a className="button" href="#/plans/registers">
          {text.registers}
        </a>
      </div>
      <ErrorMessage error={plans.error} />
      {plans.isPending && <p>{text.loading}</p>}
      {plans.data?.length === 0 && <p className="muted">{text.empty}</p>}
      {plans.data?.map((p) => (
        <article className="card plan-card" key={p.id}>
          <h2>{p.title}</h2>
          <p className="muted plan-meta">{planMeta(p)}</p>
          <p>
            {text.summary(
              p.targets.length,
              p.targets.filter((t) => t.indicatorId !== null).length,
              p.tasks.length,
              p.tasks.filter((t) => t.overdue).length,
            )}
          </p>
          <a className="button" href={`#/plans/${p.id}`}>
            {text.open}
          </a>
        </article>
      ))}
    </section>
  );
}
