/**
 * @module
 * API keys as stored: a key's SHA-256 and a short visible prefix, never the key itself (see
 * api-keys/api-key-service.ts, which makes and checks keys).
 */

export interface ApiKeyRow {
  id: string;
  organization_id: string;
  /** The first characters of the key, shown in listings so a key can be recognised. */
  prefix: string;
  /** Hex SHA-256 of the whole key. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ApiKeyStore {
  insert(key: ApiKeyRow): Promise<void>;
  /** The key with this hash, unless it is revoked. */
  findActiveByHash(keyHash: string): Promise<ApiKeyRow | undefined>;
  /** An organization's keys, revoked ones included, oldest first. */
  list(organizationId: string): Promise<ApiKeyRow[]>;
  /**
   * Revokes a key from `at` on. Revoking again keeps the first `revoked_at`.
   * @returns the key's row, or undefined when there is no key with that id
   */
  revoke(apiKeyId: string, at: string): Promise<ApiKeyRow | undefined>;
}
