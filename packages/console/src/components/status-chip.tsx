/**
 * @module
 * A call's status as a chip: the status as text (colour only repeats it), so it reads without colour.
 */
import { isTerminalStatus } from '@outdial/sdk';

export function StatusChip({ status }: { status: string }) {
  const kind = status === 'completed' ? 'ok' : isTerminalStatus(status) ? 'bad' : 'live';
  return (
    <span class={`chip chip-${kind} chip-${status}`} data-status={status}>
      {status.replace('_', ' ')}
    </span>
  );
}
