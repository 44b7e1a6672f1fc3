/**
 * @module
 * LiveKit-style identifiers: a type prefix and a random suffix (`RM_…`, `PA_…`, `SCL_…`).
 */
import { randomBytes } from 'node:crypto';

/** Prefixes LiveKit uses for the objects the emulator creates. */
export type IdPrefix = 'RM_' | 'PA_' | 'SCL_' | 'AD_' | 'EV_';

/**
 * A new identifier such as `RM_x3Kd9QpLm2Zt`.
 *
 * @example
 * ```ts
 * newId('RM_'); // 'RM_…'
 * ```
 */
export function newId(prefix: IdPrefix): string {
  return prefix + randomBytes(9).toString('base64url');
}
