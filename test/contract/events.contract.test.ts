/**
 * The events contract (issue 12): the JSON feeds and the Server-Sent Events streams, run against
 * every target like the Calls API suite. Through @outdial/sdk, except where a case must know the
 * stream is open, or sends what the SDK would not (a malformed Last-Event-ID).
 */
import {
  BadRequestError,
  Outdial,
  type OutdialEvent,
  PermissionDeniedError,
  RateLimitError,
  TERMINAL_STATUSES,
} from '@outdial/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TARGETS, type TargetHandle } from './contract-targets';
import { openRawEventStream, type RawEventStream } from './raw-event-stream';

let uniqueNumber = 0;
/** A number no other test uses (the 555 block, which ring, answer and complete). */
const freshNumber = () => `+1312555${String(1000 + uniqueNumber++).padStart(4, '0')}`;
const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

async function collect<E extends OutdialEvent>(stream: AsyncIterable<E>, count = Number.POSITIVE_INFINITY) {
  const seen: E[] = [];
  for await (const event of stream) if (seen.push(event) >= count) break;
  return seen;
}

describe.each(CONTRACT_TARGETS)('the events contract on the $name', ({ start }) => {
  let target: TargetHandle;
  let outdial: Outdial;
  let other: Outdial;
  const raw: RawEventStream[] = [];

  beforeAll(async () => {
    target = await start();
    outdial = new Outdial({ apiKey: target.apiKey, baseUrl: target.baseUrl, maxRetries: 0 });
    other = new Outdial({ apiKey: target.otherApiKey, baseUrl: target.baseUrl, maxRetries: 0 });
  });
  afterAll(async () => {
    for (const stream of raw) stream.close();
    await target?.stop();
  });

  const placeCall = (client = outdial, agentId = target.agents.voice.id) =>
    client.calls.create({ agentId, phoneNumber: freshNumber() });
  const openRaw = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await openRawEventStream(`${target.baseUrl}${path}`, {
      'x-api-key': target.apiKey,
      ...headers,
    });
    raw.push(stream);
    return stream;
  };

  it("follows a call's stream to its terminal event, and its JSON list has the same events", async () => {
    const call = await placeCall();
    const streamed = await collect(outdial.calls.stream(call.id));
    const types = streamed.map((e) => e.type);
    expect(types[0]).toBe('call.queued');
    expect(TERMINAL_STATUSES).toContain(streamed.at(-1)?.data.status);
    expect(streamed.map((e) => e.sequence)).toEqual(streamed.map((_, i) => i + 1));
    for (const event of streamed) {
      expect(event.id).toMatch(EVENT_ID);
      expect(event.type).toBe(`call.${event.data.status}`);
      expect(event.data.id).toBe(call.id);
      expect(event.data.queuePosition).toBeNull();
      expect(Number.isNaN(Date.parse(event.timestamp))).toBe(false);
    }
    const ids = streamed.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect((await outdial.calls.listEvents(call.id)).events).toEqual(streamed);
    // The terminal event's call is the call as GET returns it now.
    expect(streamed.at(-1)?.data).toEqual(await outdial.calls.get(call.id));
  });

  it("resumes a call's stream after Last-Event-ID with no gap and no duplicate", async () => {
    const call = await placeCall();
    const [first] = await collect(outdial.calls.stream(call.id), 1);
    const rest = await collect(outdial.calls.stream(call.id, { lastEventId: first?.id }));
    const all = (await outdial.calls.listEvents(call.id)).events;
    expect([first, ...rest]).toEqual(all);
    // An ended call with nothing left after the id: the stream ends at once, empty.
    expect(await collect(outdial.calls.stream(call.id, { lastEventId: all.at(-1)?.id }))).toEqual([]);
  });

  it('waits for the end of a call on its stream, with the same result as polling', async () => {
    const call = await placeCall();
    const seen: string[] = [];
    const final = await outdial.calls.waitForTerminalStatus(call.id, {
      timeoutMs: 20_000,
      onStatusChange: (c) => seen.push(c.status),
    });
    expect(final).toEqual(await outdial.calls.get(call.id));
    expect(seen).toEqual((await outdial.calls.listEvents(call.id)).events.map((e) => e.data.status));
  });

  it("lists the organization's events newest first, filtered by type and call, across pages", async () => {
    const call = await placeCall();
    await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    const ofCall = (await outdial.calls.listEvents(call.id)).events;
    const listed = await outdial.events.list({ callId: call.id, limit: 2 }).toArray();
    expect(listed).toEqual([...ofCall].reverse());
    const page = await outdial.events.list({ callId: call.id, limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const queued = await outdial.events
      .list({ callId: call.id, types: ['call.queued', 'call.ringing'] })
      .toArray();
    expect(queued.map((e) => e.type)).toEqual(
      ofCall
        .filter((e) => ['call.queued', 'call.ringing'].includes(e.type))
        .map((e) => e.type)
        .reverse(),
    );
  });

  it("streams the organization's events from now on without Last-Event-ID, filtered", async () => {
    const stream = await openRaw('/api/v1/events?type=call.queued&type=call.completed');
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const call = await placeCall();
    await placeCall(other, target.agents.other.id); // another organization's: never in this stream
    const queued = await stream.nextEvent();
    expect(queued).toMatchObject({ type: 'call.queued', data: { id: call.id } });
    const final = await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    if (final.status === 'completed') {
      expect(await stream.nextEvent()).toMatchObject({ type: 'call.completed', data: { id: call.id } });
    }
    stream.close();
  });

  it("resumes the organization's stream after Last-Event-ID", async () => {
    const call = await placeCall();
    await outdial.calls.waitForTerminalStatus(call.id, { timeoutMs: 20_000 });
    const ofCall = (await outdial.calls.listEvents(call.id)).events;
    const resumed = await collect(
      outdial.events.stream({ callId: call.id, lastEventId: ofCall[0]?.id }),
      ofCall.length - 1,
    );
    expect(resumed).toEqual(ofCall.slice(1));
  });

  it("streams a batch's events and its calls' with batchId: started first, completed last, snapshots as getBatch", async () => {
    // Resume after the newest event, so the stream misses nothing the batch writes.
    const [newest] = (await outdial.events.list({ limit: 1 })).data;
    const batch = await outdial.batches.create({
      name: 'Events contract',
      agentId: target.agents.voice.id,
      calls: [{ phoneNumber: freshNumber() }, { phoneNumber: freshNumber() }],
    });
    const seen: OutdialEvent[] = [];
    const signal = AbortSignal.timeout(20_000); // a missing batch.completed fails below, not by hanging
    for await (const event of outdial.events.stream({ batchId: batch.id, lastEventId: newest?.id, signal })) {
      seen.push(event);
      if (event.type === 'batch.completed') break;
    }
    const ofBatch = seen.filter((event) => event.type.startsWith('batch.'));
    expect(ofBatch.map((event) => [event.type, event.sequence])).toEqual([
      ['batch.started', 1],
      ['batch.completed', 2],
    ]);
    expect(seen[0]?.type).toBe('batch.started');
    const ofCalls = seen.filter((event) => event.type.startsWith('call.'));
    expect(ofCalls.length).toBeGreaterThanOrEqual(4); // queued … final, for each of the two
    for (const event of ofCalls) expect(event.data).toMatchObject({ batchId: batch.id });
    const completed = ofBatch.at(-1);
    expect(completed?.data).toEqual(await outdial.batches.get(batch.id));
    // The JSON feed has the same events; a call's own list has none of its batch's.
    const listed = await outdial.events.list({ batchId: batch.id, limit: 100 }).toArray();
    expect([...listed].reverse()).toEqual(seen);
    const onlyBatch = await outdial.events.list({ batchId: batch.id, types: ['batch.completed'] }).toArray();
    expect(onlyBatch.map((event) => event.data.counters.total)).toEqual([2]);
    const firstCall = ofCalls[0]?.data.id as string;
    const callEvents = (await outdial.calls.listEvents(firstCall)).events;
    expect(callEvents.every((event) => event.type.startsWith('call.'))).toBe(true);
  });

  it('starts a batch paused before its calls fell due only when it is resumed, right after batch.resumed', async () => {
    const batch = await outdial.batches.create({
      name: 'Paused before due',
      agentId: target.agents.voice.id,
      scheduledAt: new Date(Date.now() + 1_000),
      calls: [{ phoneNumber: freshNumber() }],
    });
    expect(batch.status).toBe('scheduled');
    // The resume point: its call's `call.scheduled`, so the stream below replays from before the
    // pause whatever ran before this case (or nothing did).
    const [scheduled] = (await outdial.events.list({ batchId: batch.id, limit: 1 })).data;
    expect(scheduled?.type).toBe('call.scheduled');
    await outdial.batches.pause(batch.id);
    // Its call falls due while the batch is paused: it waits, and the batch has not started.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [call] = (await outdial.calls.list({ batchId: batch.id })).data;
      if (call && call.status !== 'scheduled') break;
      if (Date.now() > deadline) throw new Error('the paused batch call never fell due');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = await outdial.events
      .list({ batchId: batch.id, types: ['batch.started', 'batch.paused'] })
      .toArray();
    expect(before.map((event) => event.type)).toEqual(['batch.paused']);
    expect((await outdial.batches.get(batch.id)).status).toBe('paused');

    await outdial.batches.resume(batch.id);
    const seen: OutdialEvent[] = [];
    const signal = AbortSignal.timeout(20_000);
    for await (const event of outdial.events.stream({
      batchId: batch.id,
      lastEventId: scheduled?.id,
      signal,
    })) {
      if (event.type.startsWith('batch.')) seen.push(event);
      if (event.type === 'batch.completed') break;
    }
    expect(seen.map((event) => event.type)).toEqual([
      'batch.paused',
      'batch.resumed',
      'batch.started',
      'batch.completed',
    ]);
    expect(seen[2]?.data).toMatchObject({ id: batch.id, status: 'running' });
  });

  it('keeps organizations apart', async () => {
    const mine = await placeCall();
    const theirs = await placeCall(other, target.agents.other.id);
    await expect(outdial.calls.listEvents(theirs.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(collect(outdial.calls.stream(theirs.id))).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await outdial.events.list({ callId: theirs.id }).toArray()).toEqual([]);
    const theirEvents = await other.events.list({ limit: 100 }).toArray();
    expect(theirEvents.some((e) => e.data.id === mine.id)).toBe(false);
    // Their event id is no resume point for us.
    const error = await collect(outdial.events.stream({ lastEventId: theirEvents[0]?.id })).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.details).toEqual([{ field: 'Last-Event-ID', message: expect.any(String) }]);
  });

  it('refuses a malformed Last-Event-ID with the spec message', async () => {
    const response = await fetch(`${target.baseUrl}/api/v1/events`, {
      headers: { 'x-api-key': target.apiKey, accept: 'text/event-stream', 'last-event-id': 'evt_1' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; type: string } };
    expect(body.error).toMatchObject({
      type: 'validation_error',
      message: 'Validation error: Last-Event-ID must be an event id (evt_ followed by 26 characters)',
    });
  });

  it('opens at most 100 streams per API key, then answers 429 too_many_streams', async () => {
    const opened: RawEventStream[] = [];
    try {
      for (let i = 0; i < 100; i++) opened.push(await openRaw('/api/v1/events'));
      expect(opened.every((s) => s.response.status === 200)).toBe(true);
      const error = await collect(outdial.events.stream()).catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({
        type: 'too_many_streams',
        message: 'Too many open event streams for this API key (at most 100)',
      });
      // Another key has its own streams.
      const theirs = await openRawEventStream(`${target.baseUrl}/api/v1/events`, {
        'x-api-key': target.otherApiKey,
      });
      expect(theirs.response.status).toBe(200);
      theirs.close();
    } finally {
      for (const stream of opened) stream.close();
    }
  });
});
