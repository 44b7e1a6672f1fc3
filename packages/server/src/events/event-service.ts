/**
 * @module
 * The events of one organization (its calls' and its batches'): the JSON feed (newest first,
 * paginated), a call's events (oldest first), and the live feeds behind the Server-Sent Events
 * streams. Nothing here knows about HTTP; errors are the contract's (ApiError).
 */
import { apiError, encodePageCursor, fieldError, isTerminalStatus } from '@outdial/contract';
import { findOwnCall } from '../calls/find-own-call';
import type { CallStore } from '../ports/call-store';
import type { EventFilters, EventRow, EventStore } from '../ports/event-store';
import type { PageRequest } from '../ports/page-request';
import { EventFeed, type EventFeedSource } from './event-feed';
import type { EventHub } from './event-hub';
import { type EventResource, type EventType, toEventResource } from './event-resource';

export interface EventServiceDeps {
  calls: CallStore;
  events: EventStore;
  hub: Pick<EventHub, 'watch'>;
  /** A live feed's read failed (the stream has ended; its client reconnects). */
  onFeedError?: (error: unknown) => void;
}

export interface EventListFilters {
  types?: readonly EventType[] | undefined;
  callId?: string | undefined;
  /** The batch's events and its calls' events. */
  batchId?: string | undefined;
}

export interface EventPage {
  events: EventResource[];
  pagination: { limit: number; hasMore: boolean; nextCursor: string | null };
}

/** A call has a handful of events; a call's list reads them in pages of this many anyway. */
const CALL_EVENTS_PAGE = 500;

const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * @example
 * ```ts
 * const events = new EventService({ calls: stores.calls, events: stores.events, hub });
 * const page = await events.list(organizationId, { types: ['call.completed'] }, { limit: 20 });
 * ```
 */
export class EventService {
  readonly #deps: EventServiceDeps;

  constructor(deps: EventServiceDeps) {
    this.#deps = deps;
  }

  /** Newest first, by event id (commit order). */
  async list(organizationId: string, filters: EventListFilters, page: PageRequest): Promise<EventPage> {
    const before = page.after?.i;
    // A cursor of another listing (a call's) decodes, but is no position among events.
    if (before !== undefined && !EVENT_ID.test(before))
      throw apiError('invalid_cursor', {}, { details: [{ field: 'cursor', message: 'Invalid cursor' }] });
    const rows = await this.#deps.events.list(organizationId, storeFilters(filters), {
      limit: page.limit,
      before,
    });
    const events = rows.slice(0, page.limit);
    const last = events.at(-1);
    const hasMore = rows.length > page.limit;
    return {
      events: events.map(toEventResource),
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.at, i: last.id }) : null,
      },
    };
  }

  /** The call's events, oldest first (a foreign call is `call_forbidden`, a missing one `call_not_found`). */
  async listOfCall(organizationId: string, callId: string): Promise<EventResource[]> {
    await findOwnCall(this.#deps.calls, organizationId, callId);
    const rows: EventRow[] = [];
    for (;;) {
      const page = await this.#deps.events.listAfter(
        organizationId,
        { callId },
        rows.at(-1)?.id ?? null,
        CALL_EVENTS_PAGE,
      );
      rows.push(...page);
      if (page.length < CALL_EVENTS_PAGE) return rows.map(toEventResource);
    }
  }

  /**
   * The organization's live feed, filtered: after `lastEventId`, else from now on.
   * @throws validation_error when `lastEventId` is not one of the organization's events
   */
  async organizationFeed(
    organizationId: string,
    filters: EventListFilters,
    lastEventId: string | undefined,
  ): Promise<EventFeed> {
    // Without a resume point, "from now on" is after the newest event committed so far.
    const after =
      lastEventId === undefined
        ? ((await this.#deps.events.newestId(organizationId)) ?? null)
        : await this.#resumePoint(organizationId, lastEventId);
    const where = storeFilters(filters);
    return new EventFeed(
      {
        read: (cursor, limit) => this.#deps.events.listAfter(organizationId, where, cursor, limit),
        ...this.#readNow(organizationId, where),
        watch: (wake) => this.#deps.hub.watch({ organizationId }, wake),
      },
      { after, ...this.#errors() },
    );
  }

  /**
   * The call's feed: its events (after `lastEventId`), then live ones, ending with its terminal
   * event (at once when the call had ended and nothing is left to send).
   */
  async callFeed(
    organizationId: string,
    callId: string,
    lastEventId: string | undefined,
  ): Promise<EventFeed> {
    // Read before the feed's first read: a call terminal now has its terminal event committed
    // (in the same transaction), so that read sends it unless the client already has it.
    const call = await findOwnCall(this.#deps.calls, organizationId, callId);
    const after = lastEventId === undefined ? null : await this.#resumePoint(organizationId, lastEventId);
    return new EventFeed(
      {
        read: (cursor, limit) => this.#deps.events.listAfter(organizationId, { callId }, cursor, limit),
        ...this.#readNow(organizationId, { callId }),
        watch: (wake) => this.#deps.hub.watch({ callId }, wake),
      },
      {
        after,
        endsWith: (row) => row.kind === 'call' && isTerminalStatus(row.status),
        endAfterReplay: isTerminalStatus(call.status),
        ...this.#errors(),
      },
    );
  }

  async #resumePoint(organizationId: string, lastEventId: string): Promise<string> {
    const event = await this.#deps.events.find(organizationId, lastEventId);
    if (!event) {
      throw fieldError('unknown_last_event_id', 'Last-Event-ID');
    }
    return event.id;
  }

  #readNow(organizationId: string, where: EventFilters): Pick<EventFeedSource, 'readNow'> {
    const { events } = this.#deps;
    const listAfterNow = events.listAfterNow;
    if (!listAfterNow) return {};
    return { readNow: (cursor, limit) => listAfterNow.call(events, organizationId, where, cursor, limit) };
  }

  #errors(): { onError?: (error: unknown) => void } {
    return this.#deps.onFeedError ? { onError: this.#deps.onFeedError } : {};
  }
}

function storeFilters({ types, callId, batchId }: EventListFilters): EventFilters {
  return { types, callId, batchId };
}
