/**
 * @module
 * How a batch's settings read: its calling window and its retry policy in words.
 */
import type { Batch, CallingWindow } from '@outdial/sdk';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `09:00–17:30 America/New_York, Mon, Tue, Wed, Thu, Fri` (ISO weekdays: 1 is Monday). */
export function formatCallingWindow(window: CallingWindow | null): string {
  if (!window) return 'Any time (or the server’s default window)';
  const days =
    !window.days || window.days.length === 7
      ? 'every day'
      : window.days
          .toSorted((a, b) => a - b)
          .map((d) => WEEKDAYS[d - 1])
          .join(', ');
  const overnight = window.end < window.start ? ' (overnight)' : '';
  return `${window.start}–${window.end}${overnight} ${window.timezone}, ${days}`;
}

/** `Up to 2 attempts, on busy or no answer, 300 s apart`. */
export function formatRetry(retry: Batch['retry']): string {
  if (!retry || retry.maxAttempts <= 1) return 'No retries';
  const on = retry.on.map((s) => s.replace('_', ' ')).join(' or ');
  return `Up to ${retry.maxAttempts} attempts, on ${on}, ${retry.delaySeconds ?? 300} s apart`;
}
