import { useEffect, useState } from 'react';
import { hashSegments } from './areas';

/** The hash's segments after the area, kept in step with navigation; and a way to go elsewhere. */
export function useHashPath(): [string[], (segments: (string | number)[]) => void] {
  const [segments, setSegments] = useState(() => hashSegments(window.location.hash));
  useEffect(() => {
    const onHash = () => setSegments(hashSegments(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: (string | number)[]) => {
    window.location.hash = `#/${next.join('/')}`;
  };
  return [segments, go];
}
