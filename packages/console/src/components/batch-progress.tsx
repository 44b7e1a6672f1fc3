/**
 * @module
 * A batch's progress from its counters: a native `<progress>` (announced by screen readers) and
 * the same figures written out, "120 / 200 done", with what is live or waiting to be retried and
 * the outcomes so far ("110 completed, 6 busy, 4 no answer").
 */
import type { Batch } from '@outdial/sdk';
import { doneCount } from '../batch-actions';

const OUTCOMES = [
  ['completed', 'completed'],
  ['busy', 'busy'],
  ['noAnswer', 'no answer'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
] as const;

export function BatchProgress({ batch }: { batch: Batch }) {
  const c = batch.counters;
  const done = doneCount(c);
  const outcomes = OUTCOMES.filter(([key]) => c[key] > 0).map(([key, label]) => `${c[key]} ${label}`);
  return (
    <div class="batch-progress">
      <progress
        max={c.total}
        value={done}
        aria-label={`${batch.name}: ${done} of ${c.total} contacts done`}
      />
      <span class="progress-text">
        {done} / {c.total} done
        {c.inProgress > 0 && <span class="muted"> · {c.inProgress} live</span>}
        {c.retrying > 0 && <span class="muted"> · {c.retrying} to retry</span>}
      </span>
      {outcomes.length > 0 && <span class="outcomes muted">{outcomes.join(', ')}</span>}
    </div>
  );
}
