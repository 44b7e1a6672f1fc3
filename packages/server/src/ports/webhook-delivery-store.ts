/**
 * @module
 * The webhook delivery log, which is also the delivery work list. A delivery is one event owed to
 * one target (an endpoint, or a call's own `webhookUrl`); `CallStore.transition` records the
 * deliveries of each event in the same transaction as the event, so a crash can lose none.
 * Senders claim due deliveries for a while (a lease): several processes may share the list, and a
 * delivery whose claimant died is due again once its lease runs out.
 */
import type { PageRequest } from './page-request';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One try, as the delivery log shows it (JSON in `attempts`). */
export interface WebhookAttemptRecord {
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** At most 64 KiB of the receiver's answer. */
  responseBody: string | null;
}

export interface WebhookDeliveryRow {
  /** `wd_<ulid>`. */
  id: string;
  organization_id: string;
  /** The endpoint delivered to; null for a call's own `webhookUrl`. */
  endpoint_id: string | null;
  /** For a call's own `webhookUrl`: that URL (signed with the organization's secret). */
  url: string | null;
  /**
   * What concurrency and ordering are counted by: the endpoint id, or for a call's own URL the
   * URL itself (one receiver, however many calls name it).
   */
  target: string;
  /** Sent as `webhook-id`, the same on every attempt. */
  event_id: string;
  event_type: string;
  /**
   * What the event is about: the call, or for a batch event the batch (`batch_…`, never a call
   * id); and the event's place among that subject's events. Null for a test event.
   */
  call_id: string | null;
  sequence: number | null;
  /** The body for a test event; null for call and batch events, whose body is read from the event feed. */
  payload: string | null;
  status: WebhookDeliveryStatus;
  /** JSON array of WebhookAttemptRecord, oldest first. */
  attempts: string;
  /** When it is due; null unless pending. */
  next_attempt_at: string | null;
  /** A sender holds it until then. */
  claimed_until: string | null;
  created_at: string;
}

export interface DeliveryOutcome {
  status: WebhookDeliveryStatus;
  /** Pending: when the next attempt is due. */
  nextAttemptAt: string | null;
}

/** One delivery's attempt and outcome, for {@link WebhookDeliveryStore.recordAttempts}. */
export interface RecordedAttempt {
  deliveryId: string;
  attempt: WebhookAttemptRecord | null;
  outcome: DeliveryOutcome;
}

export interface WebhookDeliveryStore {
  /** A delivery made outside a status change (a test event). */
  insert(delivery: WebhookDeliveryRow): Promise<WebhookDeliveryRow>;
  find(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryRow | undefined>;
  /** An endpoint's deliveries, newest first by (created_at, id), `limit + 1` rows. */
  list(
    organizationId: string,
    endpointId: string,
    filters: { status?: WebhookDeliveryStatus | undefined },
    page: PageRequest,
  ): Promise<WebhookDeliveryRow[]>;
  /**
   * The targets with a due, unclaimed delivery at `now` (at most `limit` of them, none of
   * `skip`: those the caller has no room for): where to try {@link WebhookDeliveryStore.claim}.
   * Some of those deliveries may still wait for an earlier event of their call.
   */
  dueTargets(now: string, limit: number, skip?: readonly string[]): Promise<string[]>;
  /**
   * Claims up to `limit` of `target`'s due, unclaimed deliveries until `claimedUntil`, oldest due
   * first. A call's delivery is claimable only when none of the call's earlier events is still
   * pending for the same target, so one call's events go out in `sequence` order. Safe against
   * other claimants: a claimed row is claimed by one of them only.
   */
  claim(target: string, now: string, claimedUntil: string, limit: number): Promise<WebhookDeliveryRow[]>;
  /**
   * Appends the attempt (none when nothing was sent: the endpoint was disabled meanwhile) and sets
   * the outcome, releasing the claim.
   */
  recordAttempt(
    deliveryId: string,
    attempt: WebhookAttemptRecord | null,
    outcome: DeliveryOutcome,
  ): Promise<void>;
  /**
   * {@link WebhookDeliveryStore.recordAttempt} for several deliveries in one transaction: a busy
   * sender writes its log in a few commits a second instead of one per attempt.
   */
  recordAttempts(records: readonly RecordedAttempt[]): Promise<void>;
  /**
   * Makes a delivery due at `now` whatever its status (a manual retry).
   * @returns the delivery, or undefined when the organization's endpoint has no such delivery
   */
  makeDue(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
    now: string,
  ): Promise<WebhookDeliveryRow | undefined>;
  /** When the earliest pending delivery is due (claimed or not), if any is pending. */
  nextDueAt(): Promise<string | undefined>;
  /**
   * Deletes the settled (succeeded or failed) deliveries made before `cutoff`: the log is kept as
   * long as the events it delivered. @returns how many were deleted
   */
  purgeBefore(cutoff: Date): Promise<number>;
}
