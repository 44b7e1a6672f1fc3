/**
 * @module
 * Batches for one organization at a time: create, read, list, pause, resume and cancel. The HTTP
 * routes translate requests into these calls and errors (ApiError) into responses.
 */
import { apiError, encodePageCursor } from '@outdial/contract';
import type { BatchRow, StoredBatchStatus } from '../ports/batch-store';
import type { PageRequest } from '../ports/page-request';
import { type BatchResource, toBatchResource } from './batch-resource';
import {
  type CreateBatchBody,
  type CreateBatchDeps,
  type CreateBatchResult,
  createBatch,
} from './create-batch';

export type BatchServiceDeps = CreateBatchDeps;

export interface BatchPage {
  batches: BatchResource[];
  pagination: { limit: number; hasMore: boolean; nextCursor: string | null };
}

/** The API's batch statuses, as stored (`scheduled` and `running` are both `active`). */
const STORED: Record<BatchResource['status'], StoredBatchStatus> = {
  scheduled: 'active',
  running: 'active',
  paused: 'paused',
  completed: 'completed',
  cancelled: 'cancelled',
};

/**
 * @example
 * ```ts
 * const batches = new BatchService({ ...stores, queue: dialQueue, clock, livekitConfigured: true });
 * const { body } = await batches.create(organizationId, { name: 'Renewals', agentId, calls: [{ phoneNumber }] });
 * await batches.pause(organizationId, body.data.id);
 * ```
 */
export class BatchService {
  readonly #deps: BatchServiceDeps;

  constructor(deps: BatchServiceDeps) {
    this.#deps = deps;
  }

  create(organizationId: string, body: CreateBatchBody, idempotencyKey?: string): Promise<CreateBatchResult> {
    return createBatch(this.#deps, { organizationId, body, idempotencyKey });
  }

  async get(organizationId: string, batchId: string): Promise<BatchResource> {
    return this.#toResource(await this.#own(organizationId, batchId));
  }

  /** Newest first. A `scheduled` or `running` filter reads active batches and keeps those in it. */
  async list(
    organizationId: string,
    statuses: readonly BatchResource['status'][] | undefined,
    page: PageRequest,
  ): Promise<BatchPage> {
    const stored = statuses ? [...new Set(statuses.map((status) => STORED[status]))] : undefined;
    const rows = await this.#deps.batches.list(organizationId, stored, page);
    const hasMore = rows.length > page.limit;
    const kept = rows.slice(0, page.limit);
    const last = kept.at(-1);
    const batches = await Promise.all(kept.map((row) => this.#toResource(row)));
    return {
      batches: statuses ? batches.filter((batch) => statuses.includes(batch.status)) : batches,
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.created_at, i: last.id }) : null,
      },
    };
  }

  /**
   * Calls not yet dialed stop being dialed (claimed ones whose INVITE has not left go back to
   * `queued`); live calls go on. Answered only once the Dial queue lets no INVITE of the batch
   * start. Pausing a paused batch does nothing.
   */
  async pause(organizationId: string, batchId: string): Promise<BatchResource> {
    const batch = await this.#own(organizationId, batchId);
    if (batch.status === 'paused') return this.#toResource(batch);
    const paused = await this.#change(batch, 'paused', ['active']);
    await this.#deps.queue.pauseBatch(batchId);
    return this.#toResource(paused);
  }

  /** The batch's waiting calls are dialed again. Resuming a batch that is not paused does nothing. */
  async resume(organizationId: string, batchId: string): Promise<BatchResource> {
    const batch = await this.#own(organizationId, batchId);
    if (batch.status === 'active') return this.#toResource(batch);
    const resumed = await this.#change(batch, 'active', ['paused']);
    this.#deps.queue.resumeBatch(batchId, await this.#deps.batches.callsWithStatus(batchId, ['queued']));
    return this.#toResource(resumed);
  }

  /**
   * Every call not yet dialed (scheduled or queued, retries included, and those claimed whose
   * INVITE has not left) is cancelled, never dialed; live calls go on. The batch is marked first,
   * so no retry is made for a call ending meanwhile.
   */
  async cancel(organizationId: string, batchId: string): Promise<BatchResource> {
    const batch = await this.#own(organizationId, batchId);
    if (batch.status === 'cancelled') return this.#toResource(batch);
    // The batch and its waiting calls in one transaction (a queued call taken by the Dial queue
    // meanwhile finds it cancelled at its claim); the queue cancels those claimed before it,
    // through its DialGate, so no INVITE of the batch leaves once this answers.
    let cancelled: { batch: BatchRow } | undefined;
    await this.#deps.queue.cancelBatch(batchId, async () => {
      cancelled = await this.#deps.batches.cancel(batchId, ['active', 'paused'], this.#deps.clock.now());
    });
    if (cancelled) return this.#toResource(cancelled.batch);
    return this.#toResource(await this.#finishedMeanwhile(batch));
  }

  async #own(organizationId: string, batchId: string): Promise<BatchRow> {
    const batch = await this.#deps.batches.find(batchId);
    // Another organization's batch is not found, as for agents.
    if (!batch || batch.organization_id !== organizationId) throw apiError('batch_not_found');
    return batch;
  }

  async #change(batch: BatchRow, to: 'paused' | 'active', from: StoredBatchStatus[]): Promise<BatchRow> {
    const changed = await this.#deps.batches.setStatus(batch.id, to, from, this.#deps.clock.now());
    return changed ?? this.#finishedMeanwhile(batch);
  }

  /** The batch a guarded change did not match: finished meanwhile (its last call ended), or already. */
  async #finishedMeanwhile(batch: BatchRow): Promise<BatchRow> {
    const now = (await this.#deps.batches.find(batch.id)) ?? batch;
    if (now.status === 'completed' || now.status === 'cancelled') {
      throw apiError('batch_finished', { status: now.status });
    }
    return now;
  }

  async #toResource(row: BatchRow): Promise<BatchResource> {
    return toBatchResource(row, await this.#deps.batches.counts(row.id));
  }
}
