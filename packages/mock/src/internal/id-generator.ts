/**
 * @module
 * Ids for calls, events, agents, webhook endpoints and deliveries, requests and LiveKit objects
 * (and webhook secrets), from a seeded PRNG so a test can pin
 * them (`createOutdialMock({ seed: 1 })`). Call ids are the contract's format (`call_` + a
 * monotonic ULID, from ulidx, fed the same PRNG). Uses no `crypto` so it runs the same everywhere.
 */
import { type PrefixedUlidFactory, prefixedUlidFactory } from '@outdial/contract';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** mulberry32: tiny, fast, good enough for ids that only need to be unique and plausible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Makes every id the mock hands out.
 *
 * @example
 * const ids = new IdGenerator(42);
 * ids.callId(Date.now()); // 'call_01JD7ZK5W8Q3N2M4P6R8T0V2X4'-like
 */
export class IdGenerator {
  readonly #random: () => number;
  readonly #ulid: PrefixedUlidFactory;

  constructor(seed: number) {
    this.#random = mulberry32(seed);
    this.#ulid = prefixedUlidFactory(this.#random);
  }

  #pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.#random() * alphabet.length)];
    return out;
  }

  /** `call_` + a ULID of `nowMs`: ids sort by creation time, in creation order within one millisecond. */
  callId(nowMs: number): string {
    return this.#ulid('call_', nowMs);
  }

  /**
   * `evt_` + a ULID of `nowMs`, from the same monotonic factory as call ids: every id this
   * generator makes sorts after the ones before it, so event ids increase in recording order.
   */
  eventId(nowMs: number): string {
    return this.#ulid('evt_', nowMs);
  }

  /** `batch_` + a ULID of `nowMs`: a batch. */
  batchId(nowMs: number): string {
    return this.#ulid('batch_', nowMs);
  }

  /** `we_` + a ULID of `nowMs`: a webhook endpoint. */
  webhookEndpointId(nowMs: number): string {
    return this.#ulid('we_', nowMs);
  }

  /** `wd_` + a ULID of `nowMs`: a webhook delivery. */
  webhookDeliveryId(nowMs: number): string {
    return this.#ulid('wd_', nowMs);
  }

  /** A webhook signing secret as the API issues them: `whsec_` + the base64 of 32 bytes. */
  webhookSecret(): string {
    const bytes = Array.from({ length: 32 }, () => Math.floor(this.#random() * 256));
    return `whsec_${btoa(String.fromCharCode(...bytes))}`;
  }

  /** A version-4 UUID. */
  uuid(): string {
    const hex = this.#pick(HEX, 32).split('');
    hex[12] = '4';
    hex[16] = HEX[(Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8] as string;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  requestId(): string {
    return `req_${this.#pick(HEX, 16)}`;
  }

  /** A LiveKit-style id: `AD_` for agent dispatches, `PA_` for participants. */
  livekitId(prefix: 'AD' | 'PA'): string {
    return `${prefix}_${this.#pick(BASE62, 12)}`;
  }
}
