/**
 * @module
 * Verified API keys remembered for a few seconds, so an authenticated request costs a hash and a
 * map lookup instead of a database query. Keyed by the key's SHA-256 (the raw key is never kept).
 *
 * Only successes are remembered: a key made a moment ago (by `outdial keys create` in another
 * process) works at once. A key revoked in this process stops working at once (`forgetKey`); one
 * revoked elsewhere (the CLI, another replica) stops within `ttlMs`: the revocation window.
 */
import type { Clock } from '../ports/clock';

/** Who a valid key belongs to (what authentication hands to the routes). */
export interface CachedOwner {
  apiKeyId: string;
  organizationId: string;
}

interface Entry {
  owner: CachedOwner;
  expiresAtMs: number;
}

export interface VerifiedKeyCacheOptions {
  clock: Clock;
  /** How long a verified key is trusted without asking the database again. 0 turns caching off. */
  ttlMs: number;
  /** At most this many keys are remembered; the oldest entry goes first. */
  maxEntries?: number;
}

export class VerifiedKeyCache {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(options: VerifiedKeyCacheOptions) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** The owner of the key with this hash, if it was verified less than `ttlMs` ago. */
  get(keyHash: string): CachedOwner | undefined {
    const entry = this.#entries.get(keyHash);
    if (!entry) return undefined;
    if (this.#clock.now().getTime() >= entry.expiresAtMs) {
      this.#entries.delete(keyHash);
      return undefined;
    }
    return entry.owner;
  }

  /** Remembers a key the database just verified. */
  remember(keyHash: string, owner: CachedOwner): void {
    if (this.#ttlMs <= 0) return;
    // Re-inserting moves the key to the newest end, so eviction takes the longest unverified one.
    this.#entries.delete(keyHash);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(keyHash, { owner, expiresAtMs: this.#clock.now().getTime() + this.#ttlMs });
  }

  /** Forgets a key revoked in this process, so it stops working at once here. */
  forgetKey(apiKeyId: string): void {
    for (const [hash, entry] of this.#entries) {
      if (entry.owner.apiKeyId === apiKeyId) this.#entries.delete(hash);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
