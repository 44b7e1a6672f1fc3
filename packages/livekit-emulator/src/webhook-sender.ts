/**
 * @module
 * Sends webhook events the way LiveKit does: protobuf JSON, `application/webhook+json`, and an
 * `Authorization` header holding a JWT whose `sha256` claim is the base64 SHA-256 of the body.
 */
import { createHash } from 'node:crypto';
import type { WebhookEvent } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { abortableSleep } from './abortable-sleep';
import { RecordRing } from './record-ring';

/** A webhook the emulator sent, or meant to send. */
export interface EmulatorWebhookRecord {
  /** The event's `id`. */
  readonly id: string;
  /** `room_started`, `participant_joined`, `participant_left` or `room_finished`. */
  readonly event: string;
  readonly room?: string;
  readonly participantIdentity?: string;
  /** `performance.now()` when the event happened. */
  readonly at: number;
  /**
   * `pending` until sent; then `delivered` (2xx), `failed` (non-2xx, network error, timeout),
   * `dropped` (by the drop-rate fault), `no_url` (no webhook URL configured) or `canceled`
   * (the emulator was reset or stopped first).
   */
  status: 'pending' | 'delivered' | 'failed' | 'dropped' | 'no_url' | 'canceled';
  /** The receiver's HTTP status, when it answered. */
  httpStatus?: number;
  error?: string;
}

export interface WebhookSenderOptions {
  apiKey: string;
  apiSecret: string;
  url: () => string | undefined;
  dropRate: () => number;
  delayMs: () => number;
  random: () => number;
  log: (line: string) => void;
  /** How many webhook records to keep; the oldest are dropped first. */
  recordLimit: number;
}

// LiveKit's notifier signs each webhook with a token valid for 5 minutes.
const TOKEN_TTL = '5m';
const DELIVERY_TIMEOUT_MS = 3000;

/**
 * Queues webhooks and delivers them one at a time, in event order, like LiveKit's URL
 * notifier. Delivery failures are recorded, never thrown.
 */
export class WebhookSender {
  readonly #options: WebhookSenderOptions;
  readonly #records: RecordRing<EmulatorWebhookRecord>;
  #queue: Promise<void> = Promise.resolve();
  #cancel = new AbortController();

  constructor(options: WebhookSenderOptions) {
    this.#options = options;
    this.#records = new RecordRing(options.recordLimit);
  }

  /** The kept records, oldest first (a copy). */
  get records(): readonly EmulatorWebhookRecord[] {
    return this.#records.toArray();
  }

  /** Records `event` and queues it for delivery. Returns at once. */
  send(event: WebhookEvent): void {
    const record: EmulatorWebhookRecord = {
      id: event.id,
      event: event.event,
      at: performance.now(),
      status: 'pending',
      ...(event.room ? { room: event.room.name } : {}),
      ...(event.participant ? { participantIdentity: event.participant.identity } : {}),
    };
    this.#records.push(record);
    const url = this.#options.url();
    if (url === undefined) {
      record.status = 'no_url';
      return;
    }
    if (this.#options.random() < this.#options.dropRate()) {
      record.status = 'dropped';
      this.#options.log(`webhook ${record.event} dropped (fault)`);
      return;
    }
    const dueAt = record.at + this.#options.delayMs();
    const signal = this.#cancel.signal;
    this.#queue = this.#queue.then(() => this.#deliver(url, event, record, dueAt, signal));
  }

  async #deliver(
    url: string,
    event: WebhookEvent,
    record: EmulatorWebhookRecord,
    dueAt: number,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await abortableSleep(dueAt - performance.now(), signal);
      const body = JSON.stringify(event.toJson());
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/webhook+json', Authorization: await this.#sign(body) },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      record.httpStatus = response.status;
      record.status = response.ok ? 'delivered' : 'failed';
    } catch (error) {
      record.status = signal.aborted ? 'canceled' : 'failed';
      record.error = error instanceof Error ? error.message : String(error);
    }
    if (record.status === 'failed') {
      this.#options.log(`webhook ${record.event} failed: ${record.error ?? `HTTP ${record.httpStatus}`}`);
    }
  }

  async #sign(body: string): Promise<string> {
    const token = new AccessToken(this.#options.apiKey, this.#options.apiSecret, { ttl: TOKEN_TTL });
    token.sha256 = createHash('sha256').update(body).digest('base64');
    return token.toJwt();
  }

  /** Cancels queued and in-flight deliveries. With `clearRecords`, forgets past ones too. */
  cancelAll({ clearRecords }: { clearRecords: boolean }): void {
    this.#cancel.abort();
    this.#cancel = new AbortController();
    this.#queue = Promise.resolve();
    if (clearRecords) this.#records.clear();
  }
}
