/**
 * @module
 * What an Idempotency-Key record stores to tell a replay from a reuse: a SHA-256 of the
 * contract's canonical request fingerprint (the mock compares the same fingerprint unhashed).
 */
import { createHash } from 'node:crypto';
import { requestFingerprint } from '@outdial/contract';

/** SHA-256 of the canonical request: what "the same request" means for an Idempotency-Key. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(requestFingerprint(method, path, body))
    .digest('hex');
}
