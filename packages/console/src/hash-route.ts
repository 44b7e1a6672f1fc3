/**
 * @module
 * Hash routing (`#/calls/call_…`): the server serves one page, and a reload keeps the view. The
 * calls page takes its batch filter from the hash too (`#/calls?batchId=batch_…`), so a batch can
 * link to its calls.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'calls'; batchId?: string }
  | { page: 'call'; callId: string }
  | { page: 'place' }
  | { page: 'queue' }
  | { page: 'batches' }
  | { page: 'batch'; batchId: string }
  | { page: 'webhooks' }
  | { page: 'webhook'; endpointId: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, id] = path.split('/').map(decodeURIComponent);
  if (page === 'calls' && id) return { page: 'call', callId: id };
  if (page === 'place') return { page: 'place' };
  if (page === 'queue') return { page: 'queue' };
  if (page === 'batches' && id) return { page: 'batch', batchId: id };
  if (page === 'batches') return { page: 'batches' };
  if (page === 'webhooks' && id) return { page: 'webhook', endpointId: id };
  if (page === 'webhooks') return { page: 'webhooks' };
  const batchId = new URLSearchParams(query).get('batchId');
  return batchId ? { page: 'calls', batchId } : { page: 'calls' };
}

export const callHref = (callId: string) => `#/calls/${encodeURIComponent(callId)}`;
export const batchHref = (batchId: string) => `#/batches/${encodeURIComponent(batchId)}`;
export const batchCallsHref = (batchId: string) => `#/calls?${new URLSearchParams({ batchId })}`;
export const webhookHref = (endpointId: string) => `#/webhooks/${encodeURIComponent(endpointId)}`;

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
