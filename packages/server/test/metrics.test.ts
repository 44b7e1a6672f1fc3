/**
 * GET /metrics end to end: scraped over HTTP and parsed with a third-party parser of the
 * Prometheus text format, while calls are placed, dialed through the LiveKit emulator and ended.
 */
import { MAGIC_NUMBERS } from '@outdial/contract';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TIMINGS, startTestServer, TERMINAL, type TestServer, waitForCall } from './support/test-server';

const OUTBOUND = '/api/v1/calls/outbound';
const EMULATED_TRUNK = 'ST_outdial_emulated';

interface Scrape {
  text: string;
  families: PrometheusFamily[];
  /**
   * The sum over the samples whose labels include `labels` (0 when there are none): a counter's or
   * gauge's value, a histogram's `_count`.
   */
  value(name: string, labels?: Record<string, string>): number;
  /** Every value `label` takes in a family (a histogram's: in its `_count` series). */
  labelValues(name: string, label: string): Set<string | undefined>;
}

async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  const families = parsePrometheusTextFormat(text);
  // The parser merges all the series of a labelled histogram into one, labels lost (1.1.1). Read
  // without their TYPE lines, a histogram's _bucket, _sum and _count lines are untyped labelled
  // samples instead (one family per run of lines with the same name), and _count is what the
  // tests count.
  const untyped = parsePrometheusTextFormat(text.replace(/^# TYPE \S+ histogram$/gm, ''));
  const samplesOf = (name: string) => {
    const histogram = families.find((f) => f.name === name)?.type === 'HISTOGRAM';
    const wanted = histogram ? `${name}_count` : name;
    return untyped.filter((f) => f.name === wanted).flatMap((f) => f.metrics);
  };
  return {
    text,
    families,
    value(name, labels = {}) {
      let sum = 0;
      for (const sample of samplesOf(name)) {
        if (!Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value)) continue;
        sum += Number(sample.value);
      }
      return sum;
    },
    labelValues(name, label) {
      return new Set(samplesOf(name).map((sample) => sample.labels?.[label]));
    },
  };
}

/** No call ids, room names or phone numbers: every label is bounded. */
function expectBoundedLabels(text: string): void {
  expect(text).not.toMatch(/call_[0-9A-Z]{26}/);
  expect(text).not.toMatch(/outdial-call/);
  expect(text).not.toMatch(/\+\d{6,}/);
}

async function placeCall(t: TestServer, body: Record<string, unknown> = {}): Promise<string> {
  const response = await t.request(OUTBOUND, {
    method: 'POST',
    body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671', ...body },
  });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

describe('metrics off (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('does not serve /metrics', async () => {
    expect(t.server.metricsUrl).toBeUndefined();
    const response = await t.request('/metrics', { key: null });
    expect(response.status).toBe(404);
  });
});

describe('metrics on the API port', () => {
  let t: TestServer;
  let url: string;
  beforeAll(async () => {
    t = await startTestServer({ metrics: true });
    url = t.server.metricsUrl as string;
  });
  afterAll(() => t?.close());

  it('is served at /metrics on the API port, without an API key', async () => {
    expect(url).toBe(`${t.url}/metrics`);
    const metrics = await scrape(url);
    expect(metrics.value('outdial_dial_cps_budget')).toBe(200);
    // The standard process and Node.js metrics.
    expect(metrics.families.map((f) => f.name)).toEqual(
      expect.arrayContaining(['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds']),
    );
    expect(metrics.families.find((f) => f.name === 'outdial_calls_live')?.metrics).toHaveLength(3);
  });

  it('counts dial starts, ends, HTTP and LiveKit requests as calls are placed and end', async () => {
    const before = await scrape(url);
    const ids = await Promise.all([
      placeCall(t),
      placeCall(t, { priority: 1 }),
      placeCall(t, { phoneNumber: MAGIC_NUMBERS.busy }),
      placeCall(t, { phoneNumber: MAGIC_NUMBERS.trunkFailure }),
    ]);
    const ended = await Promise.all(ids.map((id) => waitForCall(t, id, (c) => TERMINAL.includes(c.status))));
    expect(ended.map((c) => c.status)).toEqual(['completed', 'completed', 'busy', 'failed']);
    expect(await t.request('/api/v1/no-such-route')).toMatchObject({ status: 404 });
    const after = await scrape(url);
    const delta = (name: string, labels?: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);

    expect(delta('outdial_dial_starts_total', { trunk: EMULATED_TRUNK })).toBe(4);
    expect(delta('outdial_dial_queue_wait_seconds', { trunk: EMULATED_TRUNK })).toBe(4);
    expect(delta('outdial_calls_ended_total', { status: 'completed', failure_class: 'none' })).toBe(2);
    expect(delta('outdial_calls_ended_total', { status: 'busy', failure_class: 'sip_4xx' })).toBe(1);
    expect(delta('outdial_calls_ended_total', { status: 'failed', failure_class: 'sip_5xx' })).toBe(1);

    const http = 'outdial_http_request_duration_seconds';
    expect(delta(http, { method: 'POST', route: '/api/v1/calls/outbound', status: '201' })).toBe(4);
    expect(
      delta(http, { method: 'GET', route: '/api/v1/calls/{callId}', status: '200' }),
    ).toBeGreaterThanOrEqual(4);
    expect(delta(http, { method: 'GET', route: 'other', status: '404' })).toBe(1);
    // The scrape before counts itself under its own route.
    expect(after.value(http, { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
    for (const route of after.labelValues(http, 'route')) expect(route).toMatch(/^(other|\/[\w/{}.]*)$/);

    const livekit = 'outdial_livekit_request_duration_seconds';
    expect(delta(livekit, { method: 'CreateRoom', outcome: 'ok' })).toBe(4);
    expect(delta(livekit, { method: 'CreateDispatch', outcome: 'ok' })).toBe(4);
    expect(delta(livekit, { method: 'CreateSIPParticipant', outcome: 'ok' })).toBe(2);
    expect(delta(livekit, { method: 'CreateSIPParticipant' })).toBe(4);
    expect(after.value(livekit, { method: 'other' })).toBe(0);

    expectBoundedLabels(after.text);
  });
});

describe('queue depth and live calls', () => {
  let t: TestServer;
  let url: string;
  beforeAll(async () => {
    // Calls talk for a minute, so one can be seen active (then it is cancelled).
    t = await startTestServer({ metrics: true, emulatorTimings: { ...FAST_TIMINGS, talkMs: 60_000 } });
    url = t.server.metricsUrl as string;
  });
  afterAll(() => t?.close());

  it('reads the queued backlog by trunk and priority, and the live calls, at scrape time', async () => {
    const ownTrunk = await t.server.admin.createAgent(t.acme.id, {
      name: 'Own trunk',
      phoneNumbers: ['+14155559999'],
      sipTrunkId: 'ST_metrics_own',
    });
    // Stopped, the queue dials nothing: what is placed stays queued.
    await t.server.dialQueue.stop();
    const queued = [
      await placeCall(t, { priority: 2 }),
      await placeCall(t, { priority: 2 }),
      await placeCall(t, { agentId: ownTrunk.id, priority: 0 }),
    ];
    const backlog = await scrape(url);
    expect(backlog.value('outdial_queue_depth', { trunk: EMULATED_TRUNK, priority: '2' })).toBe(2);
    expect(backlog.value('outdial_queue_depth', { trunk: 'ST_metrics_own', priority: '0' })).toBe(1);
    expect(backlog.value('outdial_queue_depth')).toBe(3);

    await t.server.dialQueue.start();
    const active = await Promise.all(queued.map((id) => waitForCall(t, id, (c) => c.status === 'active')));
    const live = await scrape(url);
    expect(live.value('outdial_calls_live', { status: 'active' })).toBe(3);
    // Drained series report 0 rather than vanish.
    expect(live.value('outdial_queue_depth', { trunk: EMULATED_TRUNK, priority: '2' })).toBe(0);
    expect(live.families.find((f) => f.name === 'outdial_queue_depth')?.metrics).toHaveLength(2);
    expect(live.value('outdial_dial_starts_total', { trunk: 'ST_metrics_own' })).toBe(1);

    for (const call of active)
      expect((await t.request(`/api/v1/calls/${call.id}`, { method: 'DELETE' })).status).toBe(200);
    const over = await scrape(url);
    expect(over.value('outdial_calls_live')).toBe(0);
    expect(over.value('outdial_calls_ended_total', { status: 'cancelled', failure_class: 'none' })).toBe(3);
    expectBoundedLabels(over.text);
  });
});

describe('metrics on their own port', () => {
  let t: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ metrics: true, metricsPort: 0 });
    other = await startTestServer({ metrics: true });
  });
  afterAll(async () => {
    await t?.close();
    await other?.close();
  });

  it('serves /metrics there only, not on the API port', async () => {
    const url = t.server.metricsUrl as string;
    expect(new URL(url).port).not.toBe(new URL(t.url).port);
    expect(new URL(url).pathname).toBe('/metrics');
    expect((await t.request('/metrics', { key: null })).status).toBe(404);
    await scrape(url);
    expect((await fetch(new URL('/api/v1/calls', url))).status).toBe(404);
  });

  it('counts only its own server’s calls, with another server in the process', async () => {
    const id = await placeCall(t);
    await waitForCall(t, id, (c) => TERMINAL.includes(c.status));
    const own = await scrape(t.server.metricsUrl as string);
    const neighbour = await scrape(other.server.metricsUrl as string);
    expect(own.value('outdial_dial_starts_total')).toBe(1);
    expect(own.value('outdial_calls_ended_total')).toBe(1);
    expect(neighbour.value('outdial_dial_starts_total')).toBe(0);
    expect(neighbour.value('outdial_calls_ended_total')).toBe(0);
    // Its own queue's requests (the start-up sweep of rooms) are its own; no call's are.
    expect(neighbour.value('outdial_livekit_request_duration_seconds', { method: 'CreateRoom' })).toBe(0);
    expect(own.value('outdial_livekit_request_duration_seconds', { method: 'CreateRoom' })).toBe(1);
  });
});
