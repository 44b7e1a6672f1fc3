/**
 * @module
 * The event streams the mock has open: at most 100 per API key (`listEvents` and
 * `listCallEvents` together, as openapi.yaml says), and a way to end them all on `reset()`.
 */
import { apiError } from '@outdial/contract';

/** openapi.yaml: at most 100 streams per API key are open at once. */
export const MAX_STREAMS_PER_API_KEY = 100;

/**
 * Counts open streams per API key.
 *
 * @example
 * const release = streams.open(apiKey, () => body.end()); // 429 too_many_streams past the limit
 * release(); // once the stream has closed
 */
export class OpenStreams {
  readonly #perKey = new Map<string, number>();
  readonly #ends = new Set<() => void>();

  /** Counts a stream of `apiKey`, or throws 429 `too_many_streams`. Returns its release. */
  open(apiKey: string, end: () => void): () => void {
    const open = this.#perKey.get(apiKey) ?? 0;
    if (open >= MAX_STREAMS_PER_API_KEY) {
      throw apiError('too_many_streams', { limit: String(MAX_STREAMS_PER_API_KEY) });
    }
    this.#perKey.set(apiKey, open + 1);
    this.#ends.add(end);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#ends.delete(end);
      const left = (this.#perKey.get(apiKey) ?? 1) - 1;
      if (left === 0) this.#perKey.delete(apiKey);
      else this.#perKey.set(apiKey, left);
    };
  }

  /** Ends every open stream (each releases itself as it closes). */
  endAll(): void {
    for (const end of [...this.#ends]) end();
  }
}
