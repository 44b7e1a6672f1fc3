/**
 * @module
 * Sends the due webhook deliveries: claims them from the store (a lease, so other processes
 * sharing the database skip them), signs and POSTs each, and records the attempt with its outcome
 * on the retry schedule. Per target (an endpoint, or a call's own URL) at most
 * `concurrencyPerTarget` are in flight, and the store hands out a call's events one at a time in
 * `sequence` order; a slow receiver therefore holds only its own slots, and the dial path never
 * waits on any of this (it only inserted rows, in its own transaction).
 *
 * Woken by each committed status change of its store that owes a delivery, by `wake()` (a retry,
 * a test event), and otherwise looks again every `pollIntervalMs` (or sooner, when the next retry
 * is due sooner):
 * that is also how it picks up what another process committed, and what a crashed one left.
 *
 * Two kinds of look, because they cost very differently once deliveries pile up (a receiver slower
 * than the events): finding which targets have due work reads every due row (`dueTargets`), while
 * claiming one target's next deliveries stops at the first few (`claim`). A finished attempt frees
 * a slot of a known target, so it refills that target only; the full look runs on wakes, and never
 * more than a fifth of the time (it waits four times as long as the last scan took, at most
 * 20 ms), so a backlog cannot turn the dispatcher into a loop of scans.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Logger } from 'pino';
import { toEventResource } from '../events/event-resource';
import type { CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import type { EventStore } from '../ports/event-store';
import type {
  RecordedAttempt,
  WebhookAttemptRecord,
  WebhookDeliveryRow,
  WebhookDeliveryStore,
} from '../ports/webhook-delivery-store';
import type {
  WebhookEndpointPatch,
  WebhookEndpointRow,
  WebhookEndpointStore,
} from '../ports/webhook-endpoint-store';
import { BATCH_EVENT_CHANNEL } from '../store/batch-changes';
import { CALL_TRANSITION_CHANNEL, type CallTransitionMessage } from '../store/call-transitions';
import type { OrganizationWebhookSecrets } from './organization-webhook-secrets';
import { DISABLE_FAILING_AFTER_MS, outcomeAfter } from './retry-schedule';
import { signingSecrets } from './webhook-secret';
import { sendWebhook } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';

export interface WebhookDispatcherDeps {
  /** The store whose committed status changes wake the dispatcher. */
  calls: CallStore;
  events: EventStore;
  endpoints: WebhookEndpointStore;
  deliveries: WebhookDeliveryStore;
  organizationSecrets: OrganizationWebhookSecrets;
  /** Due times, leases, attempt times and `webhook-timestamp` all read it. */
  clock: Clock;
  logger: Logger;
  /** Send to loopback, private, link-local and metadata addresses too (OUTDIAL_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Deliveries in flight at once per endpoint (or call URL). Default 10. */
  concurrencyPerTarget?: number;
  /** Deliveries in flight at once in all. Default 100. */
  maxInFlight?: number;
  /** Longest wait between looks for due deliveries, real milliseconds. Default 1000. */
  pollIntervalMs?: number;
  /**
   * How long a claim holds (clock milliseconds): longer than an attempt's 15 s timeout, so no
   * one else sends a delivery while its claimant still may. After a crash, the deliveries it had in
   * flight are due again once their claims run out. Default 60 000.
   */
  claimLeaseMs?: number;
}

/** Targets looked at per round. */
const TARGETS_PER_ROUND = 100;

/**
 * A full look waits this many times as long as the previous one's scan took, but never longer
 * than ROUND_GAP_MAX_MS: on a busy machine a scan's wall time includes waiting for the CPU, and a
 * new target's first delivery must not wait for that.
 */
const ROUND_GAP_FACTOR = 4;
const ROUND_GAP_MAX_MS = 20;

/** Event bodies kept (a call's events go to every endpoint; each is read once for all of them). */
const BODY_CACHE_SIZE = 500;

/**
 * Attempts are written to the log together: at most this many real milliseconds after the first
 * of them finished, or as soon as this many have. Fewer commits leave the database's write lock
 * to the Dial queue (on SQLite, a writer that finds it taken sleeps, synchronously).
 */
const RECORD_DELAY_MS = 2;
const RECORD_BATCH = 50;

export class WebhookDispatcher {
  readonly #deps: WebhookDispatcherDeps;
  readonly #perTarget: number;
  readonly #maxInFlight: number;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  /** Per target: deliveries in flight, and slots reserved by a claim still being answered. */
  readonly #inFlight = new Map<string, number>();
  /** The sum of `#inFlight`. */
  #total = 0;
  readonly #sending = new Set<Promise<void>>();
  /** Claims of one target after an attempt finished (stop waits for them too). */
  readonly #refilling = new Set<Promise<void>>();
  /** Finished attempts not yet written, with the sends waiting for them. */
  readonly #unrecorded: { record: RecordedAttempt; written: () => void; failed: (error: unknown) => void }[] =
    [];
  #recordTimer: NodeJS.Timeout | undefined;
  /** Event id → the JSON sent for it: immutable, and owed to every subscribed endpoint. */
  readonly #bodies = new Map<string, string>();
  #running = false;
  /** The claim round in progress, if any (stop waits for it: it may still launch sends). */
  #pumping: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  /** performance.now() before which no full round starts (see the module comment). */
  #nextRoundAt = 0;
  readonly #onTransition = (message: unknown) => {
    // The channel is process-wide; other servers in this process have their own stores.
    // A status change or a batch event (BatchEventMessage): both name their store and deliveries.
    const { calls, webhookDeliveries } = message as Pick<
      CallTransitionMessage,
      'calls' | 'webhookDeliveries'
    >;
    // A change that owes no delivery (no endpoint subscribed, no webhookUrl) has nothing to send:
    // no queries on the dial path for servers that use no webhooks.
    if (calls === this.#deps.calls && webhookDeliveries > 0) this.wake();
  };

  constructor(deps: WebhookDispatcherDeps) {
    this.#deps = deps;
    this.#perTarget = deps.concurrencyPerTarget ?? 10;
    this.#maxInFlight = deps.maxInFlight ?? 100;
    this.#pollIntervalMs = deps.pollIntervalMs ?? 1000;
    this.#leaseMs = deps.claimLeaseMs ?? 60_000;
  }

  start(): void {
    this.#running = true;
    subscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    subscribe(BATCH_EVENT_CHANNEL, this.#onTransition);
    this.wake();
  }

  /** Stops claiming, and waits for the attempts in flight to be recorded. */
  async stop(): Promise<void> {
    this.#running = false;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    unsubscribe(BATCH_EVENT_CHANNEL, this.#onTransition);
    subscribe(BATCH_EVENT_CHANNEL, this.#onTransition);
    clearTimeout(this.#timer);
    await this.#pumping;
    while (this.#sending.size > 0 || this.#refilling.size > 0)
      await Promise.allSettled([...this.#sending, ...this.#refilling]);
  }

  /** Look for due deliveries now. */
  wake(): void {
    if (!this.#running) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    const wait = this.#nextRoundAt - performance.now();
    if (wait > 0) {
      // Soon, not now: the last full look was expensive (see the module comment).
      this.#armIn(wait);
      return;
    }
    clearTimeout(this.#timer);
    this.#pumping = this.#pump().finally(() => {
      this.#pumping = undefined;
      // Woken while it was arming its timer.
      if (this.#again) this.wake();
    });
  }

  async #pump(): Promise<void> {
    try {
      do {
        this.#again = false;
        await this.#claimRound();
      } while (this.#again && this.#running && this.#nextRoundAt <= performance.now());
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'webhook claim failed; trying again later');
    }
    await this.#arm().catch(() => this.#armIn(this.#pollIntervalMs));
  }

  async #claimRound(): Promise<void> {
    if (this.#total >= this.#maxInFlight) return;
    const nowText = this.#deps.clock.now().toISOString();
    // Targets at their concurrency are skipped in SQL, so they cannot crowd out the others.
    const full = [...this.#inFlight]
      .filter(([, count]) => count >= this.#perTarget)
      .map(([target]) => target);
    const started = performance.now();
    const targets = await this.#deps.deliveries.dueTargets(nowText, TARGETS_PER_ROUND, full);
    const took = performance.now() - started;
    this.#nextRoundAt = performance.now() + Math.min(took * ROUND_GAP_FACTOR, ROUND_GAP_MAX_MS);
    for (const target of targets) await this.#claimFor(target);
  }

  /** Claims and sends as many of `target`'s due deliveries as it has free slots. */
  async #claimFor(target: string): Promise<void> {
    const free = Math.min(
      this.#perTarget - (this.#inFlight.get(target) ?? 0),
      this.#maxInFlight - this.#total,
    );
    if (free <= 0 || !this.#running) return;
    // Reserved while the claim is answered, so that another claim for the target meanwhile
    // cannot take the same slots.
    this.#count(target, free);
    let claimed: WebhookDeliveryRow[] = [];
    let endpoint: WebhookEndpointRow | undefined;
    try {
      const now = this.#deps.clock.now();
      const leaseEnd = new Date(now.getTime() + this.#leaseMs).toISOString();
      claimed = await this.#deps.deliveries.claim(target, now.toISOString(), leaseEnd, free);
      // One read of the endpoint for the batch: they are all its deliveries.
      const endpointId = claimed[0]?.endpoint_id;
      if (endpointId)
        endpoint = await this.#deps.endpoints.find(claimed[0]?.organization_id ?? '', endpointId);
    } finally {
      // Released as the sends take the slots, with no await in between.
      this.#count(target, -free);
    }
    for (const delivery of claimed) this.#launch(delivery, endpoint);
  }

  /**
   * A finished attempt freed a slot of `target`: refill it, without a full look, once half its
   * slots are free (or it has none in flight), so that one claim serves several sends.
   */
  #refill(target: string): void {
    if (!this.#running) return;
    const inFlight = this.#inFlight.get(target) ?? 0;
    if (inFlight > 0 && this.#perTarget - inFlight < Math.ceil(this.#perTarget / 2)) return;
    const refilling: Promise<void> = this.#claimFor(target)
      .catch((error: unknown) => this.#deps.logger.warn({ err: error }, 'webhook claim failed'))
      .finally(() => this.#refilling.delete(refilling));
    this.#refilling.add(refilling);
  }

  #count(target: string, delta: number): void {
    const count = (this.#inFlight.get(target) ?? 0) + delta;
    if (count > 0) this.#inFlight.set(target, count);
    else this.#inFlight.delete(target);
    this.#total += delta;
  }

  /** Next look: when the earliest pending delivery is due, at most a poll interval from now. */
  async #arm(): Promise<void> {
    if (!this.#running) return;
    const due = await this.#deps.deliveries.nextDueAt();
    const untilDue =
      due === undefined ? Number.POSITIVE_INFINITY : Date.parse(due) - this.#deps.clock.now().getTime();
    // Due already yet not claimed: in flight, or waiting for an earlier event of its call.
    this.#armIn(untilDue > 0 ? Math.min(untilDue, this.#pollIntervalMs) : this.#pollIntervalMs);
  }

  #armIn(ms: number): void {
    if (!this.#running) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), ms);
    this.#timer.unref();
  }

  /** @param endpoint the delivery's endpoint as read for its batch (undefined: none, or deleted) */
  #launch(delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow | undefined): void {
    this.#count(delivery.target, 1);
    const sending = this.#deliver(delivery, endpoint)
      .catch((error: unknown) => {
        // The claim runs out and the delivery is tried again then.
        this.#deps.logger.warn(
          { err: error, deliveryId: delivery.id },
          'webhook delivery could not be recorded',
        );
      })
      .finally(() => {
        this.#sending.delete(sending);
        this.#count(delivery.target, -1);
        this.#refill(delivery.target);
      });
    this.#sending.add(sending);
  }

  async #deliver(delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow | undefined): Promise<void> {
    const { clock } = this.#deps;
    // Deleted: its deliveries went with it.
    if (delivery.endpoint_id && !endpoint) return;
    if (endpoint?.status === 'disabled')
      return this.#record({
        deliveryId: delivery.id,
        attempt: null,
        outcome: { status: 'failed', nextAttemptAt: null },
      });
    const url = endpoint ? endpoint.url : (delivery.url as string);
    const secrets = endpoint ?? (await this.#deps.organizationSecrets.of(delivery.organization_id));
    const body = await this.#bodyOf(delivery);
    const at = clock.now();
    const attempt: WebhookAttemptRecord =
      body === undefined
        ? {
            at: at.toISOString(),
            statusCode: null,
            durationMs: 0,
            error: 'event no longer retained',
            responseBody: null,
          }
        : {
            at: at.toISOString(),
            ...(await sendWebhook(
              {
                url,
                headers: webhookHeaders(
                  { id: delivery.event_id, timestamp: Math.floor(at.getTime() / 1000), body },
                  signingSecrets(secrets, at),
                ),
                body,
              },
              { allowPrivate: this.#deps.allowPrivate },
            )),
          };
    const succeeded = attempt.error === null;
    let outcome = outcomeAfter(
      {
        succeeded,
        // An event past retention will not come back.
        retryable: body !== undefined,
        attemptsMade: (JSON.parse(delivery.attempts) as unknown[]).length + 1,
      },
      clock.now(),
    );
    if (endpoint) {
      const disabled = await this.#judgeEndpoint(endpoint, attempt, succeeded);
      if (disabled) outcome = { status: 'failed', nextAttemptAt: null };
    }
    await this.#record({ deliveryId: delivery.id, attempt, outcome });
  }

  /** Resolves once the attempt is in the log (written with others that finished about then). */
  #record(record: RecordedAttempt): Promise<void> {
    return new Promise((written, failed) => {
      this.#unrecorded.push({ record, written, failed });
      if (this.#unrecorded.length >= RECORD_BATCH) this.#writeRecords();
      else this.#recordTimer ??= setTimeout(() => this.#writeRecords(), RECORD_DELAY_MS);
    });
  }

  #writeRecords(): void {
    clearTimeout(this.#recordTimer);
    this.#recordTimer = undefined;
    const batch = this.#unrecorded.splice(0);
    if (batch.length === 0) return;
    this.#deps.deliveries.recordAttempts(batch.map(({ record }) => record)).then(
      () => {
        for (const { written } of batch) written();
      },
      (error: unknown) => {
        for (const { failed } of batch) failed(error);
      },
    );
  }

  /** The exact JSON the events API returns for the event (or the stored test event). */
  async #bodyOf(delivery: WebhookDeliveryRow): Promise<string | undefined> {
    if (delivery.payload !== null) return delivery.payload;
    const cached = this.#bodies.get(delivery.event_id);
    if (cached !== undefined) return cached;
    const event = await this.#deps.events.find(delivery.organization_id, delivery.event_id);
    if (!event) return undefined;
    const body = JSON.stringify(toEventResource(event));
    // Oldest out first (a Map iterates in insertion order).
    if (this.#bodies.size >= BODY_CACHE_SIZE) this.#bodies.delete(this.#bodies.keys().next().value as string);
    this.#bodies.set(delivery.event_id, body);
    return body;
  }

  /**
   * 410 Gone disables the endpoint; so does failing every attempt for 5 days. A success ends a
   * failing streak. @returns whether the endpoint is disabled now
   */
  async #judgeEndpoint(
    endpoint: WebhookEndpointRow,
    attempt: WebhookAttemptRecord,
    succeeded: boolean,
  ): Promise<boolean> {
    const { endpoints, clock, logger } = this.#deps;
    const now = clock.now();
    const update = (patch: Omit<WebhookEndpointPatch, 'updated_at'>) =>
      endpoints.update(endpoint.organization_id, endpoint.id, { ...patch, updated_at: now.toISOString() });
    // The row is shared by the deliveries claimed with this one: what is written to the endpoint
    // is written to it too, so that they judge by the same streak.
    if (succeeded) {
      if (endpoint.failing_since !== null) {
        endpoint.failing_since = null;
        await update({ failing_since: null });
      }
      return false;
    }
    const failingSince = endpoint.failing_since ?? attempt.at;
    const reason =
      attempt.statusCode === 410
        ? 'gone'
        : now.getTime() - Date.parse(failingSince) >= DISABLE_FAILING_AFTER_MS
          ? 'failing'
          : undefined;
    if (reason) {
      logger.warn({ endpointId: endpoint.id, reason }, 'webhook endpoint disabled');
      endpoint.status = 'disabled';
      await update({ status: 'disabled', disabled_reason: reason, failing_since: null });
      return true;
    }
    if (endpoint.failing_since === null) {
      endpoint.failing_since = failingSince;
      await update({ failing_since: failingSince });
    }
    // Disabled meanwhile (through the API): nothing more is sent.
    return (await endpoints.find(endpoint.organization_id, endpoint.id))?.status === 'disabled';
  }
}
