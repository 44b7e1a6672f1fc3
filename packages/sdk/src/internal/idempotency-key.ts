/**
 * A fresh Idempotency-Key. `randomUUID` is missing outside secure browser contexts and on
 * Node 18, so fall back to random bytes: the key needs to be unique, not secret.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
