/**
 * Fairness within one priority, end to end (issue 14): the real server and its Dial queue over
 * the LiveKit emulator, dialing slowly (DIAL_CPS 2: a slot of 500 ms outlasts a call's preparation even on a loaded machine), so a 1,000-call batch is still draining when
 * a single call of the same priority arrives. The dial order is read from the calls' events (their
 * ids increase in commit order within the organization), never from timings.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
type Json = any;

const BATCH_SIZE = 1000;

describe('a single call behind a large batch of its priority', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialCps: 2, dialMaxInFlight: 20 });
  });
  afterAll(() => t?.close());

  const invites = () => (t.emulator?.requests ?? []).filter((r) => r.method === 'CreateSIPParticipant');
  const eventsOf = async (id: string): Promise<Json[]> =>
    (await t.request(`/api/v1/calls/${id}/events`)).body.data.events;
  const eventId = (events: Json[], type: string): string | undefined =>
    events.find((event) => event.type === type)?.id;

  /** Every call of the batch that has left the queue (dialed), read page by page. */
  const dialedOfBatch = async (batchId: string): Promise<Json[]> => {
    const dialed: Json[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/calls?batchId=${batchId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await t.request(query);
      dialed.push(...body.data.calls.filter((call: Json) => call.status !== 'queued'));
      cursor = body.data.pagination.nextCursor ?? null;
    } while (cursor);
    return dialed;
  };

  it('is dialed within the next 2 dials, not after the 1,000 batch calls queued before it', async () => {
    const created = await t.request('/api/v1/batches', {
      method: 'POST',
      body: {
        name: 'Big campaign',
        agentId: t.acme.voiceAgentId,
        priority: 5,
        calls: Array.from({ length: BATCH_SIZE }, (_, i) => ({
          phoneNumber: `+1415600${String(i).padStart(4, '0')}`,
        })),
      },
    });
    expect(created.status).toBe(201);
    const batchId = created.body.data.id as string;
    // The batch is draining: some of its calls have been dialed.
    await vi.waitFor(async () => expect((await dialedOfBatch(batchId)).length).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 50,
    });

    // Past the first dials' warm-up, so the look-ahead is claimed and waiting for its slots.
    await vi.waitFor(() => expect(invites().length).toBeGreaterThanOrEqual(3), {
      timeout: 30_000,
      interval: 20,
    });
    const invitesBeforePost = invites().length;
    const single = await t.request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId: t.acme.voiceAgentId, phoneNumber: '+14155550199', priority: 5 },
    });
    expect(single.status).toBe(201);
    const singleId = single.body.data.id as string;
    const read = (await t.request(`/api/v1/calls/${singleId}`)).body.data;
    // Queued behind at most the batch call that shares its turn (or dialed already).
    if (read.status === 'queued') expect(read.queuePosition).toBeLessThanOrEqual(2);

    // Without fairness the wait is 1,000 dials at 2 a second: far past this timeout.
    await vi.waitFor(
      async () => {
        const { body } = await t.request(`/api/v1/calls/${singleId}`);
        expect(body.data.status).not.toBe('queued');
      },
      { timeout: 30_000, interval: 50 },
    );
    const singleEvents = await eventsOf(singleId);
    const queuedAt = eventId(singleEvents, 'call.queued') as string;
    const dialedAt = eventId(singleEvents, 'call.connecting') as string;
    expect(queuedAt < dialedAt).toBe(true);

    // The batch calls dialed (claimed) after the single call was queued and before it was.
    let dialedBetween = 0;
    let dialedAfter = 0;
    for (const call of await dialedOfBatch(batchId)) {
      const connecting = eventId(await eventsOf(call.id), 'call.connecting');
      if (connecting === undefined || connecting < queuedAt) continue;
      if (connecting < dialedAt) dialedBetween++;
      else dialedAfter++;
    }
    // It was the first or the second dial once queued.
    expect(dialedBetween).toBeLessThanOrEqual(1);
    // And on the wire: at most 2 INVITEs left between its POST and its own, although the Dial
    // queue had already claimed the batch's next calls (its look-ahead) when it arrived.
    const ownInvite = () => invites().findIndex((r) => r.phoneNumber === '+14155550199');
    await vi.waitFor(() => expect(ownInvite()).toBeGreaterThanOrEqual(0), { timeout: 10_000, interval: 20 });
    const own = ownInvite();
    expect(own).toBeGreaterThanOrEqual(invitesBeforePost);
    expect(own - invitesBeforePost).toBeLessThanOrEqual(2);
    // The batch is far from drained: the single call did not merely wait for it to end.
    const batch = (await t.request(`/api/v1/batches/${batchId}`)).body.data;
    expect(batch.counters.queued).toBeGreaterThan(BATCH_SIZE / 2);
    expect(dialedBetween + dialedAfter).toBeLessThan(BATCH_SIZE);
    // Nothing left to dial, so the server closes at once.
    expect((await t.request(`/api/v1/batches/${batchId}/cancel`, { method: 'POST' })).status).toBe(200);
  }, 120_000);
});
