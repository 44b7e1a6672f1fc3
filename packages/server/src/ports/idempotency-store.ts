/**
 * @module
 * Idempotency records, scoped per organization. A request claims its key by inserting an
 * `in_progress` record before doing any work: the key (organization_id, key) is unique, so every
 * concurrent duplicate loses that race.
 */

export interface IdempotencyRecordRow {
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

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecordRow };

/** A new claim: `created_at` is now, and a record that expired by then no longer counts. */
export type IdempotencyClaim = Pick<
  IdempotencyRecordRow,
  'organization_id' | 'key' | 'request_hash' | 'created_at' | 'expires_at'
>;

export interface IdempotencyStore {
  /** Claims the key, or returns the record that holds it (an expired one is dropped first). */
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  /** Stores the response to replay and marks the key completed. */
  complete(
    organizationId: string,
    key: string,
    response: { status: number; body: unknown; callId: string },
  ): Promise<void>;
  /**
   * Drops an abandoned `in_progress` claim so the key can be claimed again; only the claim the
   * caller looked at (same `created_at`), never a fresh one.
   */
  dropAbandoned(record: IdempotencyRecordRow): Promise<void>;
  /** Drops an `in_progress` claim whose request failed, so that a retry can proceed. */
  release(organizationId: string, key: string): Promise<void>;
}
