import { channel } from 'node:diagnostics_channel';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { observeLiveKitRequests, twirpMethodOf } from './livekit-request-metrics';

describe('twirpMethodOf', () => {
  it.each([
    ['/twirp/livekit.SIP/CreateSIPParticipant', 'CreateSIPParticipant'],
    ['/prefix/twirp/livekit.RoomService/DeleteRoom', 'DeleteRoom'],
    ['/twirp/livekit.RoomService/ListRooms?x=1', 'ListRooms'],
    ['/rtc/validate', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (path, method) => {
    expect(twirpMethodOf(path)).toBe(method);
  });
});

// Undici's own channels, driven by hand: no request leaves the process.
const create = channel('undici:request:create');
const headers = channel('undici:request:headers');
const error = channel('undici:request:error');

describe('observeLiveKitRequests', () => {
  let stop = () => {};
  afterEach(() => stop());

  async function countsBy(registry: Registry) {
    const [metric] = (await registry.getMetricsAsJSON()) as {
      values: { metricName?: string; labels: Record<string, string>; value: number }[];
    }[];
    return (metric?.values ?? [])
      .filter((v) => v.metricName?.endsWith('_count'))
      .map((v) => ({ ...v.labels, count: v.value }));
  }

  it('times requests to LiveKit’s origin only, by method and outcome, once each', async () => {
    const registry = new Registry();
    stop = observeLiveKitRequests({ registry, livekitUrl: 'wss://lk.example.com' });
    const ok = { origin: 'https://lk.example.com', path: '/twirp/livekit.RoomService/CreateRoom' };
    const refused = { origin: 'https://lk.example.com', path: '/twirp/livekit.SIP/CreateSIPParticipant' };
    const lost = { origin: 'https://lk.example.com', path: '/twirp/livekit.RoomService/DeleteRoom' };
    const elsewhere = { origin: 'https://api.example.org', path: '/twirp/livekit.RoomService/CreateRoom' };
    for (const request of [ok, refused, lost, elsewhere]) create.publish({ request });
    headers.publish({ request: ok, response: { statusCode: 200 } });
    // A body cut short after the headers: the request was already counted.
    error.publish({ request: ok, error: new Error('terminated') });
    headers.publish({ request: refused, response: { statusCode: 503 } });
    error.publish({ request: lost, error: new Error('ECONNRESET') });
    headers.publish({ request: elsewhere, response: { statusCode: 200 } });

    expect(await countsBy(registry)).toEqual([
      { method: 'CreateRoom', outcome: 'ok', count: 1 },
      { method: 'CreateSIPParticipant', outcome: 'http_5xx', count: 1 },
      { method: 'DeleteRoom', outcome: 'network_error', count: 1 },
    ]);
  });
});
