/**
 * @module
 * The database as kysely sees it: the ports' rows, plus what only the database knows (generated
 * columns, the health probe). Timestamps are ISO 8601 strings (UTC, ms precision) and JSON columns
 * hold serialized JSON text, so the same columns work on SQLite and Postgres.
 */
import type { Generated } from 'kysely';
import type { AgentRow } from '../../ports/agent-store';
import type { ApiKeyRow } from '../../ports/api-key-store';
import type { BatchCallCounts, BatchRow } from '../../ports/batch-store';
import type { CallEventRow, CallRow } from '../../ports/call-store';
import type { IdempotencyRecordRow } from '../../ports/idempotency-store';
import type { OrganizationRow } from '../../ports/organization-store';
import type { WebhookDeliveryRow } from '../../ports/webhook-delivery-store';
import type { WebhookEndpointRow } from '../../ports/webhook-endpoint-store';
import type { OrganizationWebhookSecretRow } from '../../ports/webhook-secret-store';

export interface CallsTable extends Omit<CallRow, 'seq'> {
  /** INTEGER PRIMARY KEY: insertion order. */
  seq: Generated<number>;
}

export interface CallEventsTable extends Omit<CallEventRow, 'id'> {
  id: Generated<number>;
}

/** A batch event (migration 0009): the feed's other kind, in the same id space as call events. */
export interface BatchEventsTable {
  event_id: string;
  organization_id: string;
  batch_id: string;
  type: string;
  sequence: number;
  at: string;
  /** JSON of {@link BatchEventSnapshot}. */
  snapshot: string;
}

/** What a batch event keeps of its batch: the row and its calls' counts, as committed. */
export interface BatchEventSnapshot {
  batch: BatchRow;
  counts: BatchCallCounts;
}

export interface HealthProbeTable {
  id: number;
  at: string;
}

export interface Database {
  organizations: OrganizationRow;
  api_keys: ApiKeyRow;
  agents: AgentRow;
  calls: CallsTable;
  batches: BatchRow;
  call_events: CallEventsTable;
  batch_events: BatchEventsTable;
  idempotency_records: IdempotencyRecordRow;
  health_probe: HealthProbeTable;
  webhook_endpoints: WebhookEndpointRow;
  webhook_deliveries: WebhookDeliveryRow;
  organization_webhook_secrets: OrganizationWebhookSecretRow;
  trunk_budgets: TrunkBudgetsTable;
}

export interface TrunkBudgetsTable {
  trunk_id: string;
  cps: number;
  updated_at: string;
}
