import { text } from './text';
/** A row of counts that filter a list by status: one pressed at a time. */
export function StatusFilter<K extends string>({
  items,
  active,
  onSelect,
  testIdPrefix,
}: {
  items: { key: K; label: string; count: number }[];
  active: K;
  onSelect: (key: K) => void;
  testIdPrefix: string;
}) {
  return (
    <div className="stat-row" role="group" aria-label={text.statusFilter}>
      {items.map((i) => (
        <button
          type="button"
          key={i.key}
          className={`stat stat-button${active === i.key ? ' active' : ''}`}
          aria-pressed={active === i.key}
          onClick={() => onSelect(i.key)}
          data-testid={`${testIdPrefix}-${i.key}`}
        >
          <span className="stat-value">{i.count}</span>
          <span className="stat-label">{i.label}</span>
        </button>
      ))}
    </div>
  );
}
