/**
 * @module
 * GET /api/v1/events and GET /api/v1/calls/{callId}/events: JSON, or with
 * `Accept: text/event-stream` a live Server-Sent Events stream. Every check (the call,
 * Last-Event-ID, the stream limit) runs before the stream starts, so a refusal is an ordinary
 * error response.
 */
import { encodePageCursor, fieldError, isTerminalStatus } from '@outdial/contract';
import { findOwnCall } from './call-operations';
import { decodeCursor } from './cursor';
import { type Event, isCallEvent, type StoredEvent } from './event-log';
import { type EventStreamSource, eventStreamBody } from './event-stream-body';
import { type OperationRequest, type OperationResult, organizationOf } from './operation-context';

const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

type EventFilters = { type?: Event['type'][]; callId?: string; batchId?: string };

/**
 * listEvents: the organization's events, newest first (by id, which is commit order), filtered
 * and keyset-paginated; or their live stream, after Last-Event-ID or from now on. `callId` keeps
 * that call's events; `batchId` the batch's own events and its calls'.
 *
 * @example
 * listEvents(request); // { status: 200, body: { data: { events, pagination } } }
 */
export function listEvents(request: OperationRequest): OperationResult {
  const organization = organizationOf(request);
  const p = request.params as EventFilters & { limit: number; cursor?: string; 'Last-Event-ID'?: string };
  const matches = ({ event, organizationId }: StoredEvent) =>
    organizationId === organization.id &&
    (p.type === undefined || p.type.includes(event.type)) &&
    (p.callId === undefined || (isCallEvent(event) && event.data.id === p.callId)) &&
    (p.batchId === undefined ||
      (isCallEvent(event) ? event.data.batchId === p.batchId : event.data.id === p.batchId));

  if (wantsEventStream(request.headers)) {
    const after = resumePoint(request, p['Last-Event-ID']);
    const { events } = request.runtime;
    return stream(request, {
      // Without Last-Event-ID only what is committed from now on: nothing to replay.
      replay:
        after === undefined
          ? []
          : events
              .all()
              .filter((e) => e.event.id > after && matches(e))
              .map(copyOf),
      subscribe: (send) => events.subscribe((e) => matches(e) && send(e.event)),
    });
  }

  // A cursor of another listing (calls) decodes, but is no position among events.
  const before = p.cursor === undefined ? undefined : decodeCursor(p.cursor).i;
  if (before !== undefined && !EVENT_ID.test(before)) throw fieldError('invalid_cursor', 'cursor');
  const newestFirst = request.runtime.events
    .all()
    .filter((e) => matches(e) && (before === undefined || e.event.id < before))
    .map(copyOf)
    .reverse();
  const page = newestFirst.slice(0, p.limit);
  const hasMore = newestFirst.length > p.limit;
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      data: {
        events: page,
        pagination: {
          limit: p.limit,
          hasMore,
          // The page cursor of every listing (time and id); events page by the id alone.
          nextCursor: hasMore && last ? encodePageCursor({ t: last.timestamp, i: last.id }) : null,
        },
      },
    },
  };
}

/**
 * listCallEvents: every event of one of the organization's calls, oldest first; or its stream,
 * which replays them (after Last-Event-ID) and closes after the terminal event (not in `onPoll`
 * mode: see below).
 *
 * @example
 * listCallEvents(request); // { status: 200, body: { data: { events } } }
 */
export function listCallEvents(request: OperationRequest): OperationResult {
  const stored = findOwnCall(request);
  const callId = stored.call.id;
  const { events } = request.runtime;
  const ofCall = (e: StoredEvent) => isCallEvent(e.event) && e.event.data.id === callId;
  // In `onPoll` mode a call moves only when it is read, so a live stream of it would never move:
  // the mock answers as a server without event streams does (JSON), and the SDK's waiters poll.
  if (!wantsEventStream(request.headers) || request.runtime.progression.movesOnPoll) {
    return { status: 200, body: { data: { events: events.all().filter(ofCall).map(copyOf) } } };
  }
  const after = resumePoint(request, request.params['Last-Event-ID'] as string | undefined);
  return stream(request, {
    replay: events
      .all()
      .filter((e) => ofCall(e) && (after === undefined || e.event.id > after))
      .map(copyOf),
    subscribe: (send) => events.subscribe((e) => ofCall(e) && send(e.event)),
    endsWith: (event) => isCallEvent(event) && isTerminalStatus(event.data.status),
    endAfterReplay: isTerminalStatus(stored.call.status),
  });
}

/** A copy to answer with: a handler must never hand out the log's own objects. */
const copyOf = (stored: StoredEvent): Event => structuredClone(stored.event);

/** The id a stream resumes after, or 400 when it is not one of the organization's events. */
function resumePoint(request: OperationRequest, lastEventId: string | undefined): string | undefined {
  if (lastEventId === undefined) return undefined;
  if (!request.runtime.events.find(organizationOf(request).id, lastEventId)) {
    throw fieldError('unknown_last_event_id', 'Last-Event-ID');
  }
  return lastEventId;
}

function stream(request: OperationRequest, source: Omit<EventStreamSource, 'keepAliveMs'>): OperationResult {
  const { runtime } = request;
  let end = () => {};
  const release = runtime.streams.open(organizationOf(request).apiKey, () => end());
  const body = eventStreamBody({ ...source, keepAliveMs: runtime.eventStreamKeepAliveMs }, release);
  end = body.end;
  return {
    status: 200,
    stream: body.body,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // Framed like a server's stream (msw writes an unframed body otherwise, which Node's fetch
      // mishandles when the client hangs up mid-stream).
      'transfer-encoding': 'chunked',
    },
  };
}

/**
 * Whether the client asks for the stream: `text/event-stream` is acceptable with a higher
 * quality than JSON (ties, `*\/*` and no Accept at all get JSON, as on the server).
 */
function wantsEventStream(headers: Headers): boolean {
  const accept = headers.get('accept');
  if (!accept) return false;
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => /^\s*q=([\d.]+)\s*$/.exec(x)?.[1]).find((x) => x !== undefined);
    return { range: range.trim(), q: q === undefined ? 1 : Number(q) };
  });
  const quality = (type: string) => {
    const [major] = type.split('/');
    const match =
      ranges.find((r) => r.range === type) ??
      ranges.find((r) => r.range === `${major}/*`) ??
      ranges.find((r) => r.range === '*/*');
    return match?.q ?? 0;
  };
  return quality('text/event-stream') > quality('application/json');
}
