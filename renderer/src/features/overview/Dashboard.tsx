import { useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { formatResult, periodOrder, type DashboardView, type IndicatorSeries } from '../../../../shared/domain/targets';
import { formatDate } from '../../../../shared/text/format-vi';
import { ChartCard } from '../../ui/ChartCard';
import { chartColors } from '../../ui/charts';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StatusChip } from '../../ui/StatusChip';
import { useIndicatorSeries } from '../targets/queries';
import { text } from './text';

const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A point of the trend: a year, or a final review's span as a point of its own, in time order. */
interface SeriesPoint {
  code: string;
  province: number | null;
  values: (number | null)[];
  note: string | null;
}

function pointsOf(s: IndicatorSeries): SeriesPoint[] {
  return [
    ...s.years.map((y, i) => ({
      code: String(y),
      province: s.province[i] ?? null,
      values: s.units.map((u) => u.values[i] ?? null),
      note: s.boundary?.notes[i] ?? null,
    })),
    ...s.spans.map((x) => ({ code: x.code, province: x.province, values: x.values, note: x.note })),
  ].sort((a, b) => periodOrder(a.code) - periodOrder(b.code));
}

function OpenRounds({ rounds }: { rounds: DashboardView['openRounds'] }) {
  return (
    <div className="card" aria-label={text.openRounds}>
      <h2>{text.openRounds}</h2>
      {rounds.length === 0 && <p className="muted">{text.noOpenRounds}</p>}
      {rounds.map((r) => (
        <div key={r.id} style={{ marginBottom: 10 }}>
          <a href={`#/rounds/${r.id}/board`}>{r.name}</a>{' '}
          <span className="muted">
            · {text.deadline} {formatDate(r.deadline)} · {text.received(r.received, r.expected)}
            {r.withErrors > 0 && <span className="flag-error"> · {text.withErrors(r.withErrors)}</span>}
          </span>
          <div
            className="progress-bar"
            role="progressbar"
            aria-valuenow={r.received}
            aria-valuemin={0}
            aria-valuemax={r.expected}
            aria-label={r.name}
          >
            <span style={{ width: `${r.expected ? (100 * r.received) / r.expected : 0}%` }} />
          </div>
        </div>
      ))}
    </div>
  );
}

function TargetLights({ targets }: { targets: DashboardView['targets'] }) {
  const plans = [...new Map(targets.map((t) => [t.planId, t.planTitle])).entries()];
  const count = (s: string) => targets.filter((t) => t.status === s).length;
  return (
    <div className="card" aria-label={text.targets}>
      <h2>{text.targets}</h2>
      <p className="chips">
        <StatusChip status="met" label={`${text.status.met}: ${count('met')}`} />
        <StatusChip status="at-risk" label={`${text.status['at-risk']}: ${count('at-risk')}`} />
        <StatusChip status="not-met" label={`${text.status['not-met']}: ${count('not-met')}`} />
        <StatusChip status="no-data" label={`${text.status['no-data']}: ${count('no-data')}`} />
      </p>
      {targets.length === 0 && <p className="muted">{text.noTargetsYet}</p>}
      {plans.map(([planId, title]) => (
        <div key={planId}>
          <h3>
            <a href={`#/plans/${planId}`}>{title}</a>
          </h3>
          <ul className="light-list">
            {targets
              .filter((t) => t.planId === planId)
              .map((t) => (
                <li key={t.targetId} title={t.explanation}>
                  <StatusChip status={t.status} />
                  <span>
                    <b>{t.code}</b> {short(t.text)}{' '}
                    <span className="muted">
                      ({text.period(t.period)}
                      {t.actual !== null ? `: ${formatResult(t)}` : ''})
                    </span>
                    {t.status === 'no-data' && <span className="why no-data-reason">{t.explanation}</span>}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function IndicatorCharts({ indicators }: { indicators: DashboardView['indicators'] }) {
  const preferred =
    indicators.find((i) => i.years.length + i.spans.length > 1 && i.valueType !== 'yes-no') ??
    indicators.find((i) => i.years.length + i.spans.length > 0 && i.valueType !== 'yes-no') ??
    indicators[0] ??
    null;
  const [indicatorId, setIndicatorId] = useState<number | null>(preferred?.id ?? null);
  const [boundaryDate, setBoundaryDate] = useState('');
  const series = useIndicatorSeries(indicatorId, /^\d{4}-\d{2}-\d{2}$/.test(boundaryDate) ? boundaryDate : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const s = series.data;
  const points = s ? pointsOf(s) : [];
  const shown = points.find((p) => p.code === chosen) ?? points.at(-1) ?? null;
  const shownYear = shown?.code ?? null;
  const ranked =
    s && shown
      ? s.units
          .map((u, i) => ({ name: u.name, value: shown.values[i] ?? null }))
          .filter((u) => u.value !== null)
          .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      : [];
  const unit = s?.measureUnit ? ` (${s.measureUnit})` : '';
  const picker = (
    <div className="inline-form" style={{ marginBottom: 8, flexWrap: 'wrap' }}>
      <label>
        {text.indicator}
        <select
          value={indicatorId ?? ''}
          onChange={(e) => setIndicatorId(Number(e.target.value))}
          style={{ maxWidth: 520 }}
        >
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {short(i.name, 90)}
            </option>
          ))}
        </select>
      </label>
      <label title={text.boundaryHelp}>
        {text.boundary}
        <input
          type="date"
          value={boundaryDate}
          onChange={(e) => setBoundaryDate(e.target.value)}
          aria-label={text.boundary}
        />
      </label>
    </div>
  );
  // Years whose figures were re-mapped the same way are said once ("2021, 2022: số liệu của 2 đơn vị …").
  const remapNotes = (() => {
    const byText = new Map<string, string[]>();
    for (const p of points) {
      const what = p.note?.includes(': ') ? p.note.slice(p.note.indexOf(': ') + 2) : '';
      if (what) byText.set(what, [...(byText.get(what) ?? []), p.code]);
    }
    return [...byText].map(([what, codes]) => `${codes.join(', ')}: ${what}`);
  })();
  if (indicators.length === 0) return <p className="muted">{text.noSeries}</p>;
  return (
    <>
      <ErrorMessage error={series.error} />
      <ChartCard title={text.trendTitle} fileName={`xu-huong ${s?.name ?? ''}`} controls={picker}>
        {(ref) =>
          s && (
            <Line
              ref={ref as never}
              aria-label={`${text.trendTitle}: ${s.name}`}
              data={{
                labels: points.map((p) => p.code),
                datasets: [
                  {
                    label: `${text.province}${unit}`,
                    data: points.map((p) => p.province),
                    borderColor: chartColors[0],
                    backgroundColor: chartColors[0],
                    tension: 0,
                  },
                ],
              }}
              options={{
                maintainAspectRatio: false,
                plugins: { title: { display: true, text: short(s.name, 110) } },
                scales: { y: { beginAtZero: true } },
              }}
            />
          )
        }
      </ChartCard>
      {s?.boundary && (
        <div className="muted" data-testid="series-boundary" style={{ margin: '0 0 12px' }}>
          {text.inBoundary(s.boundary.day, s.boundary.provinceName)}
          {remapNotes.map((n) => (
            <div key={n}>{n}</div>
          ))}
        </div>
      )}
      <ChartCard
        title={text.rankTitle}
        fileName={`xep-hang ${shownYear ?? ''} ${s?.name ?? ''}`}
        controls={
          <div className="inline-form" style={{ marginBottom: 8 }}>
            <label>
              {text.year}
              <select value={shownYear ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {points.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code}
                  </option>
                ))}
              </select>
            </label>
          </div>
        }
      >
        {(ref) =>
          s && (
            <Bar
              ref={ref as never}
              aria-label={`${text.rankTitle}: ${s.name}`}
              data={{
                labels: ranked.map((u) => u.name),
                datasets: [
                  {
                    label: `${shownYear}${unit}`,
                    data: ranked.map((u) => u.value),
                    backgroundColor: chartColors[0],
                  },
                ],
              }}
              options={{
                indexAxis: 'y',
                maintainAspectRatio: false,
                plugins: {
                  legend: { display: false },
                  title: { display: true, text: `${short(s.name, 90)} — ${text.period(shownYear ?? '')}` },
                },
              }}
            />
          )
        }
      </ChartCard>
    </>
  );
}

/** The office's day at a glance: rounds waiting for replies, targets as traffic lights, indicators over the years. */
export function Dashboard({ view }: { view: DashboardView }) {
  return (
    <div className="dashboard-grid">
      <div>
        <OpenRounds rounds={view.openRounds} />
        <IndicatorCharts indicators={view.indicators} />
      </div>
      <TargetLights targets={view.targets} />
    </div>
  );
}
