/**
 * @module
 * Idempotency-Key handling for createOutboundCall, scoped per organization, kept 24 hours:
 * same key + same body replays the first 201 (`Idempotent-Replayed: true`), same key + another
 * body is 422, and a duplicate while the first is still in flight is 409.
 */
import { ApiError } from './api-error';
import type { MockState } from './mock-state';
import type { OperationResult } from './operation-context';

const RETENTION_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs `create` at most once per (organization, key, body).
 *
 * @example
 * return withIdempotency(state, org.id, key, body, Date.now(), () => createCall());
 */
export async function withIdempotency(
  state: MockState,
  organizationId: string,
  key: string | undefined,
  body: unknown,
  nowMs: number,
  create: () => Promise<OperationResult>,
): Promise<OperationResult> {
  if (key === undefined) return create();
  const recordKey = `${organizationId} ${key}`;
  const fingerprint = canonicalJson(body);
  const existing = state.idempotency.get(recordKey);
  if (existing && existing.expiresAt > nowMs) {
    if (!existing.response)
      throw ApiError.fromCatalog('idempotency_in_progress', {}, undefined, { 'Retry-After': '1' });
    if (existing.fingerprint !== fingerprint) throw ApiError.fromCatalog('idempotency_key_reused');
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
