/**
 * @module
 * Everything the server keeps, behind one handle: what the composition root opens, hands out and
 * closes. A database is an implementation of this (store/sqlite/ today), the way a kysely dialect
 * is a small factory: a new database is a new folder.
 */
import type { AgentStore } from './agent-store';
import type { ApiKeyStore } from './api-key-store';
import type { BatchStore } from './batch-store';
import type { CallStore } from './call-store';
import type { DialBacklog } from './dial-backlog';
import type { EventStore } from './event-store';
import type { IdempotencyStore } from './idempotency-store';
import type { OrganizationStore } from './organization-store';
import type { ScheduledCalls } from './scheduled-calls';
import type { TrunkBudgetStore } from './trunk-budget-store';
import type { WebhookDeliveryStore } from './webhook-delivery-store';
import type { WebhookEndpointStore } from './webhook-endpoint-store';
import type { OrganizationWebhookSecretStore } from './webhook-secret-store';

export interface Stores {
  readonly organizations: OrganizationStore;
  readonly apiKeys: ApiKeyStore;
  readonly agents: AgentStore;
  readonly calls: CallStore;
  /** Batches, and the bulk creation of their calls (through the same outbox as `calls`). */
  readonly batches: BatchStore;
  /** The event feed over the call events that `calls` writes. */
  readonly events: EventStore;
  readonly idempotency: IdempotencyStore;
  readonly dialBacklog: DialBacklog;
  /** The calls waiting for their time (`scheduled`) or for their latest time to pass. */
  readonly scheduledCalls: ScheduledCalls;
  readonly webhookEndpoints: WebhookEndpointStore;
  /** The delivery log; `calls` adds each event's deliveries to it as the event commits. */
  readonly webhookDeliveries: WebhookDeliveryStore;
  readonly webhookSecrets: OrganizationWebhookSecretStore;
  /** The SIP trunks' stored CPS budgets. */
  readonly trunkBudgets: TrunkBudgetStore;
  /**
   * Commits one small write, for readiness: it fails when the database cannot take writes (a full
   * disk, a read-only file, another connection holding the write lock too long).
   */
  probeWritable(at: Date): Promise<void>;
  /** Brings the schema up to date. @returns the names of the migrations applied */
  migrateToLatest(): Promise<string[]>;
  close(): Promise<void>;
}
