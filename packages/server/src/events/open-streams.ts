/**
 * @module
 * The event streams open in this process: at most a number per API key (the contract's 100,
 * `listEvents` and `listCallEvents` together), and all of them ended when the server closes
 * (an open stream would otherwise keep the HTTP server from ever finishing its close).
 */
import { apiError } from '@outdial/contract';

/** openapi.yaml: at most 100 streams per API key are open at once. */
export const MAX_STREAMS_PER_API_KEY = 100;

export class OpenStreams {
  readonly #perKey = new Map<string, number>();
  readonly #ends = new Set<() => void>();
  #closed = false;

  constructor(private readonly maxPerKey = MAX_STREAMS_PER_API_KEY) {}

  /**
   * Counts a stream of `apiKeyId`, or throws 429 `too_many_streams` when it has its maximum.
   * @param end ends the stream, when the server closes
   * @returns release: call once when the stream has closed
   */
  open(apiKeyId: string, end: () => void): () => void {
    const open = this.#perKey.get(apiKeyId) ?? 0;
    if (open >= this.maxPerKey) throw apiError('too_many_streams', { limit: String(this.maxPerKey) });
    this.#perKey.set(apiKeyId, open + 1);
    this.#ends.add(end);
    // Opened while the server closes: ended as soon as it has begun.
    if (this.#closed) queueMicrotask(end);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#ends.delete(end);
      const left = (this.#perKey.get(apiKeyId) ?? 1) - 1;
      if (left === 0) this.#perKey.delete(apiKeyId);
      else this.#perKey.set(apiKeyId, left);
    };
  }

  /** Ends every open stream, and from now on every stream as soon as it opens. */
  endAll(): void {
    this.#closed = true;
    for (const end of [...this.#ends]) end();
  }
}
