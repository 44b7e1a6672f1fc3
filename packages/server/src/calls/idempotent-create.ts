/**
 * @module
 * The Idempotency-Key protocol of the creating operations (a call, a batch): claim the key for
 * this request, or answer as the contract says for a key already used — the stored 201 (replay),
 * 422 for another body, 409 while the first request is in flight — and recover a claim a crashed
 * process left behind.
 */
import { apiError } from '@outdial/contract';
import type { Clock } from '../ports/clock';
import type { IdempotencyRecordRow, IdempotencyStore } from '../ports/idempotency-store';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A claim still `in_progress` after this long was left by a process that died mid-request: no
 * request of ours takes more than a few database writes.
 */
const ABANDONED_CLAIM_MS = 30_000;

export interface CreatedResponse<B> {
  status: number;
  body: B;
}

export interface IdempotentCreateDeps {
  idempotency: IdempotencyStore;
  clock: Clock;
}

/**
 * @param hash the request's fingerprint (`requestHash`)
 * @param recover for an abandoned claim: the response the crashed request would have given, with
 *   the id of what it created, or undefined when it created nothing (the key is then free again)
 * @returns the replay, or undefined when this request now holds the key
 */
export async function claimOrReplay<B>(
  { idempotency, clock }: IdempotentCreateDeps,
  organizationId: string,
  key: string,
  hash: string,
  recover: (
    existing: IdempotencyRecordRow,
  ) => Promise<(CreatedResponse<B> & { resourceId: string }) | undefined>,
): Promise<(CreatedResponse<B> & { replayed: true }) | undefined> {
  for (;;) {
    const now = clock.now();
    const claim = await idempotency.claim({
      organization_id: organizationId,
      key,
      request_hash: hash,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    });
    if (claim.claimed) return undefined;
    const { existing } = claim;
    if (existing.request_hash !== hash) throw apiError('idempotency_key_reused');
    if (existing.state === 'completed' && existing.response_body !== null) {
      return {
        status: existing.response_status ?? 201,
        body: JSON.parse(existing.response_body) as B,
        replayed: true,
      };
    }
    const abandoned = now.getTime() - Date.parse(existing.created_at) > ABANDONED_CLAIM_MS;
    if (!abandoned) throw apiError('idempotency_in_progress', {}, { headers: { 'Retry-After': '1' } });
    const recovered = await recover(existing);
    if (!recovered) {
      await idempotency.dropAbandoned(existing);
      continue;
    }
    const { resourceId, ...response } = recovered;
    await idempotency.complete(organizationId, key, { ...response, callId: resourceId });
    return { ...response, replayed: true };
  }
}
