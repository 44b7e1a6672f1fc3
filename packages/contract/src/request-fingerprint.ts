/**
 * @module
 * What "the same request" means for an Idempotency-Key: the request in canonical JSON. The
 * server stores a SHA-256 of the fingerprint (hashing is per platform: `node:crypto` there), the
 * mock the fingerprint itself; both compare the same canonical form.
 */

/**
 * JSON with object keys sorted at every level, and `undefined` members left out as
 * `JSON.stringify` leaves them out, so `{a,b}` and `{b,a}` are the same request.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }); // '{"a":[{"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprint of a request: its method, path and body in canonical JSON.
 *
 * @example
 * requestFingerprint('POST', '/api/v1/calls/outbound', body); // '{"body":{…},"method":"POST","path":"/api/v1/calls/outbound"}'
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return canonicalJson({ method, path, body });
}
