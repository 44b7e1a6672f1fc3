/**
 * @module
 * A read that repeats while its answer may still change: once when its inputs change, then again
 * `intervalMs` after each answer for as long as `keepReading` says so. One read at a time; a read
 * that fails shows its error and is tried again at the same pace.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './error-text';

export interface RefreshingRead<T> {
  value: T | null;
  error: string | null;
  /** Replaces the value, as an action's answer does; the reading goes on if it should. */
  setValue(update: (value: T | null) => T | null): void;
}

export function useRefreshingRead<T>(
  read: () => Promise<T>,
  keepReading: (value: T) => boolean,
  intervalMs: number,
  deps: unknown[],
): RefreshingRead<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped to read again; `settled` counts answers, so the next read waits for this one. */
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState(0);

  useEffect(() => {
    let current = true;
    read()
      .then(
        (answer) => {
          if (!current) return;
          setValue(answer);
          setError(null);
        },
        (e) => current && setError(errorText(e)),
      )
      .finally(() => current && setSettled((n) => n + 1));
    return () => {
      current = false;
    };
  }, [...deps, round]);

  const active = error !== null || (value !== null && keepReading(value));
  useEffect(() => {
    if (!active || settled === 0) return;
    const timer = setTimeout(() => setRound((n) => n + 1), intervalMs);
    return () => clearTimeout(timer);
  }, [active, settled]);

  return { value, error, setValue };
}
