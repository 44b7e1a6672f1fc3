/**
 * @module
 * The calls: place, list, read and cancel, for one organization at a time. The HTTP routes
 * translate requests into these calls and errors (ApiError) into responses; nothing here knows
 * about HTTP.
 */

import { type CallingWindow, encodePageCursor } from '@outdial/contract';
import type { Logger } from 'pino';
import type { AgentStore } from '../ports/agent-store';
import type { CallFilters, CallRow, CallStore } from '../ports/call-store';
import { type Clock, wallClock } from '../ports/clock';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { PageRequest } from '../ports/page-request';
import type { QueuePositions } from '../ports/queue-positions';
import type { CallQueue } from './call-queue';
import { type CallResource, toCallResource } from './call-resource';
import { cancelCall } from './cancel-call';
import {
  type CreateOutboundCallBody,
  type CreateOutboundCallDeps,
  type CreateOutboundCallResult,
  createOutboundCall,
} from './create-outbound-call';
import { findOwnCall } from './find-own-call';

export interface CallServiceDeps {
  calls: CallStore;
  agents: AgentStore;
  idempotency: IdempotencyStore;
  queue: CallQueue;
  /** Where queued calls stand in the Dial queue (O(log n), not a count over the backlog). */
  queuePositions: QueuePositions;
  /** Without LiveKit, placing a call fails with livekit_not_configured (after the agent checks). */
  livekitConfigured: boolean;
  logger: Logger;
  clock?: Clock;
  /** OUTDIAL_DEFAULT_CALLING_WINDOW: applies to calls that name no window. Default none. */
  defaultCallingWindow?: CallingWindow | undefined;
}

export interface CallPage {
  calls: CallResource[];
  pagination: { limit: number; hasMore: boolean; nextCursor: string | null };
}

/**
 * @example
 * ```ts
 * const calls = new CallService({ ...stores, queue: dialQueue, queuePositions, livekitConfigured: true, logger });
 * const { body } = await calls.create(organizationId, { agentId, phoneNumber: '+14155552671' });
 * await calls.cancel(organizationId, body.data.id);
 * ```
 */
export class CallService {
  readonly #deps: CreateOutboundCallDeps;
  readonly #positions: QueuePositions;

  constructor({ queuePositions, ...deps }: CallServiceDeps) {
    this.#deps = { ...deps, clock: deps.clock ?? wallClock };
    this.#positions = queuePositions;
  }

  /** Queues (or schedules) a call; with an Idempotency-Key, a retry replays the first answer instead. */
  create(
    organizationId: string,
    body: CreateOutboundCallBody,
    idempotencyKey?: string,
  ): Promise<CreateOutboundCallResult> {
    return createOutboundCall(this.#deps, { organizationId, body, idempotencyKey });
  }

  /** Newest first; each queued call with its queue position. */
  async list(organizationId: string, filters: CallFilters, page: PageRequest): Promise<CallPage> {
    const rows = await this.#deps.calls.list(organizationId, filters, page);
    const calls = rows.slice(0, page.limit);
    const last = calls.at(-1);
    const hasMore = rows.length > page.limit;
    return {
      calls: calls.map((row) => this.#toResource(row)),
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.started_at, i: last.id }) : null,
      },
    };
  }

  /** The organization's call (a foreign call is `call_forbidden`, a missing one `call_not_found`). */
  async get(organizationId: string, callId: string): Promise<CallResource> {
    return this.#toResource(await findOwnCall(this.#deps.calls, organizationId, callId));
  }

  cancel(organizationId: string, callId: string): Promise<{ id: string; status: 'cancelled' }> {
    return cancelCall(this.#deps, { organizationId, callId });
  }

  #toResource(row: CallRow): CallResource {
    return toCallResource(row, row.status === 'queued' ? this.#positions.positionOf(row) : null);
  }
}
