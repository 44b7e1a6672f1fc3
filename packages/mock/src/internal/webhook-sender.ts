/**
 * @module
 * Delivers the mock's events as webhooks, signed as the server signs them (Standard Webhooks,
 * body = the Event JSON): to every enabled endpoint of the event's organization subscribed to
 * its type, logged as deliveries, and to the call's (or batch's) own `webhookUrl`, signed with
 * the organization's secret (not logged: it belongs to no endpoint). A batch's `webhookUrl` gets
 * its batch events and, through its calls' `webhookUrl`, theirs. Each attempt is a real `fetch`
 * (`globalThis.fetch` at send time, so an msw handler can be the receiver, or a local server).
 *
 * Simplified against the server: the retry schedule runs on `setTimeout` (fake timers drive it,
 * as they drive `realtime` progression); a call's events reach an endpoint in `sequence` order
 * for their first attempts only; there is no SSRF check, no 15 s per-attempt timeout beyond
 * `AbortSignal.timeout`, and no disabling after five days of failures (410 Gone does disable).
 */
import type { Event, StoredEvent } from './event-log';
import type { IdGenerator } from './id-generator';
import type { StoredDelivery, WebhookDelivery, WebhookRegistry } from './webhook-registry';
import { signWebhook } from './webhook-signature';

/** The server's schedule (Svix's): the delay before each attempt, after the previous one failed. */
export const WEBHOOK_RETRY_SCHEDULE_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];
/** Receiver bodies are stored up to this many characters (the server: 64 KiB). */
const MAX_RESPONSE_BODY = 64 * 1024;
const ATTEMPT_TIMEOUT_MS = 15_000;

type Attempt = WebhookDelivery['attempts'][number];

/**
 * Sends webhooks and keeps their delivery log.
 *
 * @example
 * const sender = new WebhookSender({ registry, ids, now });
 * events.subscribe((stored) => sender.eventRecorded(stored));
 * await sender.idle(); // every attempt started so far has finished
 */
export class WebhookSender {
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Per receiver (endpoint or call URL) and call, the first attempt of the call's latest event: the next waits for it. */
  readonly #callChains = new Map<string, Promise<unknown>>();
  readonly #retryTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly parts: {
      registry: WebhookRegistry;
      ids: IdGenerator;
      now: () => Date;
      scheduleMs?: readonly number[];
    },
  ) {}

  get #schedule(): readonly number[] {
    return this.parts.scheduleMs ?? WEBHOOK_RETRY_SCHEDULE_MS;
  }

  /** Fans an event out to its organization's endpoints and to its call's or batch's `webhookUrl`. */
  eventRecorded({ event, organizationId }: StoredEvent): void {
    const { registry } = this.parts;
    for (const stored of registry.endpoints.values()) {
      const { endpoint } = stored;
      if (stored.organizationId !== organizationId || endpoint.status !== 'enabled') continue;
      if (!endpoint.enabledEvents.includes(event.type)) continue;
      const delivery = this.logDelivery(organizationId, endpoint.id, event);
      this.#inCallOrder(endpoint.id, event, () => this.attempt(delivery, true));
    }
    const { webhookUrl } = event.data;
    if (webhookUrl) {
      this.#inCallOrder(webhookUrl, event, () => this.#sendToCallUrl(webhookUrl, organizationId, event, 0));
    }
  }

  /** Runs `send` once the first attempt of the call's (or batch's) previous event to `receiver` has finished. */
  #inCallOrder(receiver: string, event: Event, send: () => Promise<void>): void {
    const key = `${receiver} ${event.data.id}`;
    const sent = (this.#callChains.get(key) ?? Promise.resolve()).then(send);
    this.#callChains.set(key, sent);
    this.#track(sent);
  }

  /** Records a delivery of `event` (a call event or a `webhook.test`) to an endpoint, due now. */
  logDelivery(
    organizationId: string,
    endpointId: string,
    event: { id: string; type: WebhookDelivery['eventType'] },
  ): StoredDelivery {
    const now = this.parts.now();
    const stored: StoredDelivery = {
      delivery: {
        id: this.parts.ids.webhookDeliveryId(now.getTime()),
        endpointId,
        eventId: event.id,
        eventType: event.type,
        status: 'pending',
        attempts: [],
        nextAttemptAt: now.toISOString(),
        createdAt: now.toISOString(),
      },
      organizationId,
      body: JSON.stringify(event),
      scheduledAttempts: 0,
    };
    this.parts.registry.deliveries.set(stored.delivery.id, stored);
    return stored;
  }

  /**
   * Sends a logged delivery now: its first attempt (`scheduled`, on the retry schedule), or a
   * manual retry, which adds to the log but not to the schedule.
   */
  sendNow(stored: StoredDelivery, scheduled: boolean): void {
    clearTimeout(stored.timer);
    this.#track(this.attempt(stored, scheduled));
  }

  /** One attempt of a logged delivery, recorded in its log; schedules the next on failure. */
  async attempt(stored: StoredDelivery, scheduled: boolean): Promise<void> {
    const { registry } = this.parts;
    const endpoint = registry.endpoints.get(stored.delivery.endpointId);
    if (!endpoint || !registry.deliveries.has(stored.delivery.id)) return; // deleted meanwhile
    if (endpoint.endpoint.status !== 'enabled') return this.#fail(stored);
    const attempt = await this.#post(
      endpoint.endpoint.url,
      stored.delivery.eventId,
      stored.body,
      endpoint.secret.signingSecrets(this.parts.now().getTime()),
    );
    if (!registry.deliveries.has(stored.delivery.id)) return;
    stored.delivery.attempts.push(attempt);
    if (scheduled) stored.scheduledAttempts += 1;
    const { statusCode } = attempt;
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      stored.delivery.status = 'succeeded';
      stored.delivery.nextAttemptAt = null;
      return;
    }
    if (statusCode === 410) {
      endpoint.endpoint.status = 'disabled';
      endpoint.endpoint.disabledReason = 'gone';
      endpoint.endpoint.updatedAt = this.parts.now().toISOString();
      for (const other of registry.deliveriesOf(endpoint.endpoint.id)) {
        if (other.delivery.status === 'pending') this.#fail(other);
      }
      return this.#fail(stored);
    }
    const delay = this.#schedule[stored.scheduledAttempts];
    if (delay === undefined) return this.#fail(stored);
    stored.delivery.status = 'pending';
    stored.delivery.nextAttemptAt = new Date(this.parts.now().getTime() + delay).toISOString();
    stored.timer = this.#later(delay, () => this.attempt(stored, true));
  }

  /** Marks a delivery failed: no more attempts (the schedule is exhausted, or the endpoint disabled). */
  #fail(stored: StoredDelivery): void {
    clearTimeout(stored.timer);
    stored.delivery.status = 'failed';
    stored.delivery.nextAttemptAt = null;
  }

  async #sendToCallUrl(url: string, organizationId: string, event: Event, attempts: number): Promise<void> {
    const secrets = this.parts.registry
      .organizationSecret(organizationId)
      .signingSecrets(this.parts.now().getTime());
    const { statusCode } = await this.#post(url, event.id, JSON.stringify(event), secrets);
    if ((statusCode !== null && statusCode >= 200 && statusCode < 300) || statusCode === 410) return;
    const delay = this.#schedule[attempts + 1];
    if (delay !== undefined)
      this.#later(delay, () => this.#sendToCallUrl(url, organizationId, event, attempts + 1));
  }

  /** One signed POST; never throws: a failure is an attempt with its error. */
  async #post(url: string, id: string, body: string, secrets: string[]): Promise<Attempt> {
    const at = this.parts.now();
    const signed = await signWebhook(id, body, Math.floor(at.getTime() / 1000), secrets);
    const started = Date.now();
    const durationMs = () => Math.max(0, Date.now() - started);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
        redirect: 'manual', // redirects are not followed, as by the server
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const text = (await response.text().catch(() => '')).slice(0, MAX_RESPONSE_BODY);
      return {
        at: at.toISOString(),
        statusCode: response.status,
        durationMs: durationMs(),
        error: response.ok ? null : `HTTP ${response.status}`,
        responseBody: text,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        at: at.toISOString(),
        statusCode: null,
        durationMs: durationMs(),
        error: message,
        responseBody: null,
      };
    }
  }

  #later(delay: number, run: () => Promise<void>): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.#retryTimers.delete(timer);
      this.#track(run());
    }, delay);
    (timer as { unref?: () => void }).unref?.();
    this.#retryTimers.add(timer);
    return timer;
  }

  #track(promise: Promise<unknown>): void {
    const settled = promise.catch(() => undefined).finally(() => this.#inFlight.delete(settled));
    this.#inFlight.add(settled);
  }

  /** Resolves once every attempt started so far (and any it led to at once) has finished. Retries waiting on the schedule are not waited for. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** Stops every retry timer and forgets the ordering chains (on `reset()`). */
  stopAll(): void {
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    this.#callChains.clear();
  }
}
