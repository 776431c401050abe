// A clock for "waiting 3 min" labels: one re-render per tick instead of a timer per item.
import { useEffect, useState } from 'preact/hooks';

export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
