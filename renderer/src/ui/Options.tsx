/** One <option> per value of a fixed list (kinds, statuses, comparators), each with its Vietnamese label. */
export function Options<T extends string>({
  values,
  labels,
}: {
  values: readonly T[];
  labels: Record<T, string> | ((value: T) => string);
}) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {typeof labels === 'function' ? labels(v) : labels[v]}
        </option>
      ))}
    </>
  );
}

/** The member of a fixed list that a <select> chose, found in the list rather than asserted; undefined if none. */
export function chosenFrom<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((v) => v === value);
}
