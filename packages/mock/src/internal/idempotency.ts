/**
 * @module
 * Idempotency-Key handling for createOutboundCall and createBatch, scoped per organization, kept 24 hours:
 * same key + same body replays the first 201 (`Idempotent-Replayed: true`), same key + another
 * body is 422 (even while the first is still in flight, as on the server: the body is checked
 * first), and a duplicate of the same body while the first is still in flight is 409.
 */
import { apiError, requestFingerprint } from '@outdial/contract';
import type { MockState } from './mock-state';
import type { OperationResult } from './operation-context';

const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `create` at most once per (organization, key, body).
 *
 * @example
 * return withIdempotency(state, org.id, key, '/api/v1/calls/outbound', body, Date.now(), () => createCall());
 */
export async function withIdempotency(
  state: MockState,
  organizationId: string,
  key: string | undefined,
  /** The operation's path, part of the fingerprint: a key reused on another operation is a reuse. */
  path: string,
  body: unknown,
  nowMs: number,
  create: () => Promise<OperationResult>,
): Promise<OperationResult> {
  if (key === undefined) return create();
  const recordKey = `${organizationId} ${key}`;
  const fingerprint = requestFingerprint('POST', path, body);
  const existing = state.idempotency.get(recordKey);
  if (existing && existing.expiresAt > nowMs) {
    if (existing.fingerprint !== fingerprint) throw apiError('idempotency_key_reused');
    if (!existing.response)
      throw apiError('idempotency_in_progress', {}, { headers: { 'Retry-After': '1' } });
    return { ...existing.response, headers: { 'Idempotent-Replayed': 'true' } };
  }
  const record: { fingerprint: string; expiresAt: number; response?: { status: number; body: unknown } } = {
    fingerprint,
    expiresAt: nowMs + RETENTION_MS,
  };
  state.idempotency.set(recordKey, record);
  try {
    const result = await create();
    record.response = { status: result.status, body: result.body };
    return result;
  } catch (error) {
    // A request that failed placed no call, so its key may be used again.
    state.idempotency.delete(recordKey);
    throw error;
  }
}
