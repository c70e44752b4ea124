import { targetStatusLabels, type TargetStatus } from '../../../shared/domain/targets';

/** A target's status as a traffic light: green met, red not met, amber at risk, grey no data. */
export function StatusChip({
  status,
  label,
  onClick,
  title,
}: {
  status: TargetStatus;
  label?: string;
  onClick?: () => void;
  title?: string;
}) {
  const content = (
    <>
      <span className="light" aria-hidden="true" />
      {label ?? targetStatusLabels[status]}
    </>
  );
  return onClick ? (
    <button
      type="button"
      className={`chip chip-${status}`}
      onClick={onClick}
      title={title ?? targetStatusLabels[status]}
    >
      {content}
    </button>
  ) : (
    <span className={`chip chip-${status}`} title={title ?? targetStatusLabels[status]}>
      {content}
    </span>
  );
}
