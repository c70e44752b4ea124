import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../shared/api/contract';

/** The latest progress main reported for a task, while it runs. */
export function useProgress(task: string): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(
    () =>
      window.api.on('progress', (payload) => {
        const p = payload as ProgressEvent;
        if (p.task === task) setProgress(p);
      }),
    [task],
  );
  return progress;
}
