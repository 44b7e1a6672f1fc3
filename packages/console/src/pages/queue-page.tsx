/**
 * @module
 * The Dial queue per SIP trunk (`outdial.queue.get()`): calls waiting by priority, the CPS
 * budget, and the last 60 s of dial starts against it. The chart is a clock, so it is read again
 * every second while the page is open (the only view that asks more than once on its own).
 */
import type { Outdial, QueueSnapshot } from '@outdial/sdk';
import { useEffect, useState } from 'preact/hooks';
import { DialsChart } from '../components/dials-chart';
import { errorText } from '../error-text';

const REFRESH_MS = 1000;

export function QueuePage({ outdial }: { outdial: Outdial }) {
  const [queue, setQueue] = useState<QueueSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const read = () =>
      outdial.queue
        .get()
        .then(
          (snapshot) => {
            if (!current) return;
            setQueue(snapshot);
            setError(null);
          },
          (e) => current && setError(errorText(e)),
        )
        .finally(() => {
          if (current) timer = setTimeout(read, REFRESH_MS);
        });
    read();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [outdial]);

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Dial queue</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!queue && !error && <p>Loading…</p>}
      {queue && queue.trunks.length === 0 && (
        <p>No calls are queued, and none were dialed in the last minute.</p>
      )}
      {queue?.trunks.map((trunk) => (
        <article
          class="trunk"
          key={trunk.trunkId}
          data-trunk-id={trunk.trunkId}
          aria-labelledby={`trunk-${trunk.trunkId}`}
        >
          <h2 id={`trunk-${trunk.trunkId}`}>Trunk {trunk.trunkId}</h2>
          <p>
            <strong class="queued-count">{trunk.queued}</strong> queued · budget <strong>{trunk.cps}</strong>{' '}
            dials per second · dialed by {trunk.leader ?? 'no process (LiveKit not configured)'}
          </p>
          <div class="table-wrap">
            <table class="by-priority">
              <caption>Queued calls by priority (0 is dialed first)</caption>
              <thead>
                <tr>
                  <th scope="row">Priority</th>
                  {trunk.queuedByPriority.map((_, priority) => (
                    <th scope="col" key={priority}>
                      {priority}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Queued</th>
                  {trunk.queuedByPriority.map((count, priority) => (
                    <td key={priority}>{count}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <DialsChart dials={trunk.dialsLastMinute} cps={trunk.cps} />
        </article>
      ))}
      {queue && <p class="muted">As of {new Date(queue.at).toLocaleTimeString()}.</p>}
    </section>
  );
}
