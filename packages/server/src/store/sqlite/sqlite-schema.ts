/**
 * @module
 * The database schema as kysely sees it. Timestamps are ISO 8601 strings (UTC, ms precision)
 * so the same columns work on SQLite and Postgres; JSON columns hold serialized JSON text and
 * are parsed back by kysely's ParseJSONResultsPlugin only where selected through JSON helpers,
 * so the store parses them explicitly.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CallCancellation } from '../calls/call-queue';
import type { CallStatus } from '../calls/call-status';

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  organization_id: string;
  /** The first characters of the key, shown in listings so a key can be recognised. */
  prefix: string;
  /** Hex SHA-256 of the whole key. The key itself is never stored. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AgentsTable {
  id: string;
  organization_id: string;
  name: string;
  type: 'voice' | 'chat';
  status: 'active' | 'inactive';
  /** JSON array of E.164 strings; the first is the default caller ID. */
  phone_numbers: string;
  livekit_agent_name: string | null;
  sip_trunk_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CallsTable {
  /** Insertion order: FIFO within a priority, and the Dial queue's cursor. */
  seq: Generated<number>;
  id: string;
  organization_id: string;
  agent_id: string;
  /** Agent name and type as they were when the call was placed (agents can be deleted). */
  agent_name: string;
  agent_type: 'voice' | 'chat';
  phone_number: string;
  caller_id: string;
  status: CallStatus;
  /** 0 is the most urgent. */
  priority: number;
  ring_timeout_seconds: number;
  max_duration_seconds: number | null;
  /** JSON object: the caller's metadata plus caller_id, from_phone_number and priority. */
  metadata: string;
  /** JSON object of string → string. */
  variables: string;
  room_id: string | null;
  job_id: string | null;
  sip_participant_id: string | null;
  failure_reason: string | null;
  summary: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  duration: number | null;
  /** How a cancelled call was stopped (see CallCancellation); null unless cancelled. */
  cancellation: CallCancellation | null;
  updated_at: string;
}

export interface CallEventsTable {
  id: Generated<number>;
  call_id: string;
  from_status: CallStatus | null;
  to_status: CallStatus;
  at: string;
  /** JSON object with whatever explains the change (SIP code, webhook event, reason). */
  details: string;
}

export interface IdempotencyRecordsTable {
  organization_id: string;
  key: string;
  /** SHA-256 of the canonical request (method, path and body). */
  request_hash: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  /** JSON of the original response body, replayed byte-equivalent. */
  response_body: string | null;
  call_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface HealthProbeTable {
  id: number;
  at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  api_keys: ApiKeysTable;
  agents: AgentsTable;
  calls: CallsTable;
  call_events: CallEventsTable;
  idempotency_records: IdempotencyRecordsTable;
  health_probe: HealthProbeTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AgentRow = Selectable<AgentsTable>;
export type CallRow = Selectable<CallsTable>;
export type NewCallRow = Insertable<CallsTable>;
export type CallPatch = Updateable<CallsTable>;
export type CallEventRow = Selectable<CallEventsTable>;
export type IdempotencyRecordRow = Selectable<IdempotencyRecordsTable>;
export type Timestamp = ColumnType<string, string, string>;
