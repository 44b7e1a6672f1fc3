/**
 * @module
 * Test helper: hand-made HS256 tokens, for the cases AccessToken refuses to build (expired, no exp).
 */
import { createHmac } from 'node:crypto';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `claims` with HS256 under `secret`. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
