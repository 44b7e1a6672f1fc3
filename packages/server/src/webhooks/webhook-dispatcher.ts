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
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Logger } from 'pino';
import { toEventResource } from '../events/event-resource';
import type { CallStore } from '../ports/call-store';
import type { Clock } from '../ports/clock';
import type { EventStore } from '../ports/event-store';
import type {
  WebhookAttemptRecord,
  WebhookDeliveryRow,
  WebhookDeliveryStore,
} from '../ports/webhook-delivery-store';
import type {
  WebhookEndpointPatch,
  WebhookEndpointRow,
  WebhookEndpointStore,
} from '../ports/webhook-endpoint-store';
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

export class WebhookDispatcher {
  readonly #deps: WebhookDispatcherDeps;
  readonly #perTarget: number;
  readonly #maxInFlight: number;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #inFlight = new Map<string, number>();
  readonly #sending = new Set<Promise<void>>();
  #running = false;
  /** The claim round in progress, if any (stop waits for it: it may still launch sends). */
  #pumping: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  readonly #onTransition = (message: unknown) => {
    // The channel is process-wide; other servers in this process have their own stores.
    const { calls, webhookDeliveries } = message as CallTransitionMessage;
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
    this.wake();
  }

  /** Stops claiming, and waits for the attempts in flight to be recorded. */
  async stop(): Promise<void> {
    this.#running = false;
    unsubscribe(CALL_TRANSITION_CHANNEL, this.#onTransition);
    clearTimeout(this.#timer);
    await this.#pumping;
    while (this.#sending.size > 0) await Promise.allSettled([...this.#sending]);
  }

  /** Look for due deliveries now. */
  wake(): void {
    if (!this.#running) return;
    if (this.#pumping) {
      this.#again = true;
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
      } while (this.#again && this.#running);
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'webhook claim failed; trying again later');
    }
    await this.#arm().catch(() => this.#armIn(this.#pollIntervalMs));
  }

  async #claimRound(): Promise<void> {
    if (this.#total() >= this.#maxInFlight) return;
    const now = this.#deps.clock.now();
    const nowText = now.toISOString();
    const leaseEnd = new Date(now.getTime() + this.#leaseMs).toISOString();
    // Targets at their concurrency are skipped in SQL, so they cannot crowd out the others.
    const full = [...this.#inFlight]
      .filter(([, count]) => count >= this.#perTarget)
      .map(([target]) => target);
    for (const target of await this.#deps.deliveries.dueTargets(nowText, TARGETS_PER_ROUND, full)) {
      const free = Math.min(
        this.#perTarget - (this.#inFlight.get(target) ?? 0),
        this.#maxInFlight - this.#total(),
      );
      if (free <= 0 || !this.#running) continue;
      for (const delivery of await this.#deps.deliveries.claim(target, nowText, leaseEnd, free))
        this.#launch(delivery);
    }
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

  #total(): number {
    return this.#sending.size;
  }

  #launch(delivery: WebhookDeliveryRow): void {
    this.#inFlight.set(delivery.target, (this.#inFlight.get(delivery.target) ?? 0) + 1);
    const sending = this.#deliver(delivery)
      .catch((error: unknown) => {
        // The claim runs out and the delivery is tried again then.
        this.#deps.logger.warn(
          { err: error, deliveryId: delivery.id },
          'webhook delivery could not be recorded',
        );
      })
      .finally(() => {
        this.#sending.delete(sending);
        const left = (this.#inFlight.get(delivery.target) ?? 1) - 1;
        if (left > 0) this.#inFlight.set(delivery.target, left);
        else this.#inFlight.delete(delivery.target);
        this.wake();
      });
    this.#sending.add(sending);
  }

  async #deliver(delivery: WebhookDeliveryRow): Promise<void> {
    const { clock, deliveries, endpoints } = this.#deps;
    const endpoint = delivery.endpoint_id
      ? await endpoints.find(delivery.organization_id, delivery.endpoint_id)
      : undefined;
    // Deleted: its deliveries went with it.
    if (delivery.endpoint_id && !endpoint) return;
    if (endpoint?.status === 'disabled')
      return deliveries.recordAttempt(delivery.id, null, { status: 'failed', nextAttemptAt: null });
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
    await deliveries.recordAttempt(delivery.id, attempt, outcome);
  }

  /** The exact JSON the events API returns for the event (or the stored test event). */
  async #bodyOf(delivery: WebhookDeliveryRow): Promise<string | undefined> {
    if (delivery.payload !== null) return delivery.payload;
    const event = await this.#deps.events.find(delivery.organization_id, delivery.event_id);
    return event && JSON.stringify(toEventResource(event));
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
    if (succeeded) {
      if (endpoint.failing_since !== null) await update({ failing_since: null });
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
      await update({ status: 'disabled', disabled_reason: reason, failing_since: null });
      return true;
    }
    if (endpoint.failing_since === null) await update({ failing_since: failingSince });
    // Disabled meanwhile (through the API): nothing more is sent.
    return (await endpoints.find(endpoint.organization_id, endpoint.id))?.status === 'disabled';
  }
}
