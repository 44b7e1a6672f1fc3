/**
 * @module
 * One webhook endpoint's delivery log: each delivery's attempts with their status codes, Retry,
 * and "send test event". Deliveries happen in the background, so the log is read again every
 * 2 s while the page is open.
 */
import type { Outdial, WebhookDelivery, WebhookEndpoint } from '@outdial/sdk';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '../error-text';
import { formatTime } from '../format';

const REFRESH_MS = 2000;

export function WebhookPage({ outdial, endpointId }: { outdial: Outdial; endpointId: string }) {
  const [endpoint, setEndpoint] = useState<WebhookEndpoint | null>(null);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [loaded, page] = await Promise.all([
      outdial.webhookEndpoints.get(endpointId),
      outdial.webhookEndpoints.listDeliveries(endpointId, { limit: 50 }),
    ]);
    setEndpoint(loaded);
    setDeliveries(page.data);
  }, [outdial, endpointId]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const read = () =>
      reload()
        .catch((e) => current && setMessage(errorText(e)))
        .finally(() => {
          if (current) timer = setTimeout(read, REFRESH_MS);
        });
    read();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [reload]);

  const act = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section aria-labelledby="webhook-title">
      <h1 id="webhook-title">Webhook endpoint {endpoint?.url ?? endpointId}</h1>
      <p>
        <button type="button" onClick={() => act(() => outdial.webhookEndpoints.sendTest(endpointId))}>
          Send test event
        </button>{' '}
        <a href="#/webhooks">All endpoints</a>
      </p>
      {message && (
        <p role="alert" class="error">
          {message}
        </p>
      )}
      <h2>Deliveries</h2>
      {deliveries?.length === 0 && <p>No deliveries yet.</p>}
      {deliveries && deliveries.length > 0 && (
        <div class="table-wrap">
          <table class="deliveries">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts (status code)</th>
                <th scope="col">Next attempt</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id} data-delivery-id={delivery.id}>
                  <td>{formatTime(delivery.createdAt)}</td>
                  <td>{delivery.eventType}</td>
                  <td>
                    <span
                      class={`chip chip-${delivery.status === 'succeeded' ? 'ok' : delivery.status === 'failed' ? 'bad' : 'live'}`}
                    >
                      {delivery.status}
                    </span>
                  </td>
                  <td class="attempts">
                    {delivery.attempts.length === 0
                      ? 'none yet'
                      : delivery.attempts
                          .map((a) => `${a.statusCode ?? 'no answer'}${a.error ? ` (${a.error})` : ''}`)
                          .join(', ')}
                  </td>
                  <td>{formatTime(delivery.nextAttemptAt)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        act(() => outdial.webhookEndpoints.retryDelivery(endpointId, delivery.id))
                      }
                    >
                      Retry
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
