/**
 * @module
 * One batch: its status and progress, its counters as a table, its settings (calling window,
 * retries, concurrency…), Pause / Resume / Cancel where allowed, and a link to its calls. Read
 * again every 2 s until it is final: the API has no batch events to follow instead.
 */
import type { Agent, Batch, BatchCounters, Outdial } from '@outdial/sdk';
import { isFinalBatch } from '../batch-actions';
import { formatCallingWindow, formatRetry } from '../batch-settings';
import { BatchActionButtons } from '../components/batch-action-buttons';
import { BatchProgress } from '../components/batch-progress';
import { StatusChip } from '../components/status-chip';
import { formatTime } from '../format';
import { batchCallsHref } from '../hash-route';
import { useRefreshingRead } from '../refreshing-read';
import { BATCH_REFRESH_MS } from './batches-page';

/** The counters in the order a contact moves through them, then its final outcomes. */
const COUNTER_ROWS: [keyof BatchCounters, string][] = [
  ['scheduled', 'Scheduled'],
  ['queued', 'Queued'],
  ['inProgress', 'In progress'],
  ['retrying', 'Waiting to retry'],
  ['completed', 'Completed'],
  ['busy', 'Busy'],
  ['noAnswer', 'No answer'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
];

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function BatchPage({
  outdial,
  agents,
  batchId,
}: {
  outdial: Outdial;
  agents: Agent[];
  batchId: string;
}) {
  const {
    value: batch,
    error,
    setValue,
  } = useRefreshingRead<Batch>(
    () => outdial.batches.get(batchId),
    (b) => !isFinalBatch(b.status),
    BATCH_REFRESH_MS,
    [outdial, batchId],
  );

  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title">Batch {batch?.name ?? batchId}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!batch && !error && <p>Loading…</p>}
      {batch && (
        <>
          <div class="call-status">
            Status: <StatusChip status={batch.status} />
            <BatchProgress batch={batch} />
          </div>
          <BatchActionButtons outdial={outdial} batch={batch} onChange={(b) => setValue(() => b)} />
          <p>
            <a href={batchCallsHref(batch.id)}>Calls of this batch</a> (every attempt, retries included)
          </p>
          <h2>Counters</h2>
          <p class="muted">Each contact is counted once, by its latest attempt.</p>
          <table class="counters">
            <tbody>
              {COUNTER_ROWS.map(([key, label]) => (
                <tr key={key} data-counter={key}>
                  <th scope="row">{label}</th>
                  <td>{batch.counters[key]}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-counter="total">
                <th scope="row">Total</th>
                <td>{batch.counters.total}</td>
              </tr>
            </tfoot>
          </table>
          <h2>Settings</h2>
          <dl class="details">
            <dt>Batch ID</dt>
            <dd>{batch.id}</dd>
            <dt>Agent</dt>
            <dd>{agents.find((a) => a.id === batch.agentId)?.name ?? batch.agentId}</dd>
            <dt>Calling window</dt>
            <dd>{formatCallingWindow(batch.callingWindow)}</dd>
            <dt>Retries</dt>
            <dd>{formatRetry(batch.retry)}</dd>
            <dt>Max concurrent calls</dt>
            <dd>{batch.maxConcurrentCalls ?? 'No limit beyond the server’s'}</dd>
            <dt>Priority</dt>
            <dd>{batch.priority}</dd>
            <dt>Caller ID</dt>
            <dd>{batch.callerId ?? 'The agent’s first number'}</dd>
            <dt>Not before</dt>
            <dd>{formatTime(batch.scheduledAt)}</dd>
            <dt>Not after</dt>
            <dd>{formatTime(batch.latestAt)}</dd>
            <dt>Webhook URL</dt>
            <dd>{batch.webhookUrl ?? '—'}</dd>
            <dt>Created</dt>
            <dd>{formatTime(batch.createdAt)}</dd>
            <dt>Finished</dt>
            <dd>{formatTime(batch.completedAt)}</dd>
            <dt>Metadata</dt>
            <dd>
              <pre>{json(batch.metadata)}</pre>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
