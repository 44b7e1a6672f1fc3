/**
 * @module
 * LiveKit server API requests by Twirp method and outcome, with latency, seen on undici's
 * diagnostics channels: livekit-server-sdk calls Node's fetch (undici), so the SDK is untouched and
 * every client (rooms, dispatch, SIP) is covered.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Histogram, type Registry } from 'prom-client';

export interface LiveKitRequestMetricsDeps {
  registry: Registry;
  /** LiveKit's URL (`wss://…` or `https://…`): only requests to its origin are measured. */
  livekitUrl: string;
}

/**
 * Seconds. CreateSIPParticipant waits until the callee answers (waitUntilAnswered), so its
 * latency includes the ringing: the upper buckets are for it.
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

// What undici publishes, typed only as far as we read it.
interface UndiciRequest {
  origin?: unknown;
  path?: unknown;
}
interface UndiciMessage {
  request?: UndiciRequest;
  response?: { statusCode?: number };
}

/** `/twirp/livekit.SIP/CreateSIPParticipant` → `CreateSIPParticipant`; anything else `other`. */
export function twirpMethodOf(path: unknown): string {
  if (typeof path !== 'string') return 'other';
  const match = /\/twirp\/[\w.]+\/(\w+)$/.exec(path.split('?')[0] ?? '');
  return match?.[1] ?? 'other';
}

function outcomeOf(statusCode: number | undefined): string {
  if (statusCode === undefined) return 'http_other';
  if (statusCode >= 200 && statusCode < 300) return 'ok';
  if (statusCode >= 400 && statusCode < 500) return 'http_4xx';
  if (statusCode >= 500 && statusCode < 600) return 'http_5xx';
  return 'http_other';
}

/**
 * Subscribes for as long as the server runs. A request is timed from its creation to its response
 * headers (Twirp answers in one body, so headers mean the answer), or to its transport error.
 * @returns the unsubscribe, for close()
 */
export function observeLiveKitRequests({ registry, livekitUrl }: LiveKitRequestMetricsDeps): () => void {
  // As LiveKitDialer does: the SDK turns ws(s):// into http(s)://.
  const origin = new URL(livekitUrl.replace(/^ws/, 'http')).origin;
  const duration = new Histogram({
    name: 'outdial_livekit_request_duration_seconds',
    help: 'LiveKit server API requests by Twirp method and outcome (ok, http_4xx, http_5xx, network_error); _count counts them.',
    labelNames: ['method', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  /** Requests awaiting their answer, with their start on the monotonic clock. */
  const started = new WeakMap<UndiciRequest, number>();
  const finish = (request: UndiciRequest | undefined, outcome: string) => {
    const start = request && started.get(request);
    if (!request || start === undefined) return;
    started.delete(request);
    duration.observe({ method: twirpMethodOf(request.path), outcome }, (performance.now() - start) / 1000);
  };

  const onCreate = (message: unknown) => {
    const { request } = message as UndiciMessage;
    if (request?.origin === origin) started.set(request, performance.now());
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as UndiciMessage;
    finish(request, outcomeOf(response?.statusCode));
  };
  // An error after the headers (a body cut short) finds its request finished already.
  const onError = (message: unknown) => finish((message as UndiciMessage).request, 'network_error');
  subscribe('undici:request:create', onCreate);
  subscribe('undici:request:headers', onHeaders);
  subscribe('undici:request:error', onError);
  return () => {
    unsubscribe('undici:request:create', onCreate);
    unsubscribe('undici:request:headers', onHeaders);
    unsubscribe('undici:request:error', onError);
  };
}
