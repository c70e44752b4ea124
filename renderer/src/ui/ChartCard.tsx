import { useRef, type ReactNode } from 'react';
import type { Chart } from 'chart.js';
import { ErrorMessage } from './ErrorMessage';
import { useSavePng } from '../app/queries';
import { text } from './text';
import { SavedNotice } from './SavedNotice';

/** A chart in a card with "Lưu ảnh PNG": the picture as drawn, for pasting into a report. */
export function ChartCard({
  title,
  fileName,
  controls,
  children,
}: {
  title: string;
  fileName: string;
  controls?: ReactNode;
  children: (ref: React.RefObject<Chart | null>) => ReactNode;
}) {
  const ref = useRef<Chart | null>(null);
  const save = useSavePng();
  return (
    <div className="card" role="figure" aria-label={title}>
      <div className="toolbar">
        <h2 className="inline-title">{title}</h2>
        <span style={{ flex: 1 }} />
        <button
          type="button"
          onClick={() =>
            ref.current && save.mutate({ name: fileName, dataUrl: ref.current.toBase64Image('image/png', 1) })
          }
          disabled={save.isPending}
        >
          {text.savePng}
        </button>
      </div>
      {controls}
      <ErrorMessage error={save.error} />
      {save.data && <SavedNotice path={save.data} message={text.pngSaved(save.data)} />}
      <div className="chart-box">{children(ref)}</div>
    </div>
  );
}
