/**
 * @module
 * API keys: made here, shown once, stored only as their SHA-256 and a short visible prefix, and
 * checked here for every authenticated request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRow, ApiKeyStore } from '../ports/api-key-store';
import { type Clock, wallClock } from '../ports/clock';
import { newApiKeyId, newApiKeySecret } from '../store/ids';
import { VerifiedKeyCache } from './verified-key-cache';

/** Characters of the key kept in clear (`od_` + 5), enough to recognise a key in a listing. */
const VISIBLE_PREFIX_LENGTH = 8;

export interface CreatedApiKey {
  id: string;
  /** The whole key. It is not stored and cannot be shown again. */
  key: string;
  prefix: string;
}

/** Who a valid key belongs to. */
export interface ApiKeyOwner {
  apiKeyId: string;
  organizationId: string;
}

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * How long a verified key is trusted before the database is asked again: the longest a key
 * revoked by another process (the CLI, another replica) keeps working.
 */
export const DEFAULT_API_KEY_CACHE_MS = 5_000;

export interface ApiKeyServiceDeps {
  apiKeys: ApiKeyStore;
  clock?: Clock;
  /** See {@link DEFAULT_API_KEY_CACHE_MS}; 0 asks the database on every request. */
  cacheMs?: number;
}

export class ApiKeyService {
  readonly #keys: ApiKeyStore;
  readonly #clock: Clock;
  readonly #verified: VerifiedKeyCache;

  constructor(deps: ApiKeyServiceDeps) {
    this.#keys = deps.apiKeys;
    this.#clock = deps.clock ?? wallClock;
    this.#verified = new VerifiedKeyCache({
      clock: this.#clock,
      ttlMs: deps.cacheMs ?? DEFAULT_API_KEY_CACHE_MS,
    });
  }

  async create(organizationId: string): Promise<CreatedApiKey> {
    const key = newApiKeySecret();
    const row = {
      id: newApiKeyId(),
      organization_id: organizationId,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      key_hash: sha256Hex(key),
      created_at: this.#clock.now().toISOString(),
      revoked_at: null,
    };
    await this.#keys.insert(row);
    return { id: row.id, key, prefix: row.prefix };
  }

  /**
   * The owner of `key`, or undefined when the key is unknown or revoked. The row is found by the
   * key's hash; the hashes are then compared in constant time so the check itself leaks nothing
   * about how much of a guess was right. A key verified in the last few seconds (`cacheMs`) is
   * answered from memory, by its hash, without the query.
   */
  async findOwner(key: string): Promise<ApiKeyOwner | undefined> {
    if (key.length === 0 || key.length > 256) return undefined;
    const hash = sha256Hex(key);
    const cached = this.#verified.get(hash);
    if (cached) return cached;
    const row = await this.#keys.findActiveByHash(hash);
    if (!row) return undefined;
    const stored = Buffer.from(row.key_hash, 'hex');
    const given = Buffer.from(hash, 'hex');
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) return undefined;
    const owner = { apiKeyId: row.id, organizationId: row.organization_id };
    this.#verified.remember(hash, owner);
    return owner;
  }

  /** Revoked keys included, oldest first. Rows hold no secret, only its hash. */
  list(organizationId: string): Promise<ApiKeyRow[]> {
    return this.#keys.list(organizationId);
  }

  /**
   * {@link findOwner} here stops finding the key at once; other processes within their cache
   * time. Revoking again keeps the first `revoked_at`.
   * @returns the key's row and whether it was revoked already, or undefined for an unknown id
   */
  async revoke(apiKeyId: string): Promise<{ row: ApiKeyRow; alreadyRevoked: boolean } | undefined> {
    const now = this.#clock.now().toISOString();
    const row = await this.#keys.revoke(apiKeyId, now);
    this.#verified.forgetKey(apiKeyId);
    return row && { row, alreadyRevoked: row.revoked_at !== now };
  }
}
