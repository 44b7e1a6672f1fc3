/**
 * @module
 * The client: configuration, authentication and the typed openapi-fetch client every resource
 * goes through.
 */
import createClient, { type Client } from 'openapi-fetch';
import { OutdialError } from './core/errors';
import type { RequestOptions } from './core/request-options';
import type { paths } from './generated/openapi';
import { readEnv } from './internal/env';
import { type AttemptPolicy, fetchWithRetries } from './internal/fetch-with-retries';
import { requireId } from './internal/require-id';
import { Agents } from './resources/agents';
import { Calls } from './resources/calls';
import { VERSION } from './version';

/**
 * Options of `new Outdial()`.
 *
 * @example
 * ```ts
 * const outdial = new Outdial({
 *   apiKey: 'od_live_…',
 *   baseUrl: 'https://calls.example.com',
 *   authScheme: 'bearer',
 *   maxRetries: 3,
 *   maxRetryWaitMs: 10_000,
 *   timeoutMs: 10_000,
 *   userAgent: 'my-dialer/1.2',
 * });
 * ```
 */
export interface ClientOptions {
  /** Your API key. Default: `OUTDIAL_API_KEY` from the environment, where there is one. */
  apiKey?: string | undefined;
  /** The server's origin. Default: `OUTDIAL_BASE_URL`, else `http://127.0.0.1:3000`. */
  baseUrl?: string | undefined;
  /** How the key is sent: `x-api-key: <key>` (default) or `Authorization: Bearer <key>`. */
  authScheme?: 'x-api-key' | 'bearer' | undefined;
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409 in-progress, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
  /**
   * The most time one request may spend waiting between retries, in total (backoff and
   * `Retry-After`). When the next wait would go past it, the failure is thrown as it is: a 429 as
   * `RateLimitError` with `retryAfterMs`, so your code decides whether to wait that long.
   * Attempts themselves are bounded by `timeoutMs`. Default 30 s.
   */
  maxRetryWaitMs?: number | undefined;
  /** Per attempt, until the response headers arrive. Default 60 s. */
  timeoutMs?: number | undefined;
  /** A `fetch` to use. Default: `globalThis.fetch`, looked up at each request, never at construction. */
  fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Appended to the `User-Agent` header (`outdial-sdk-js/<version> <userAgent>`). */
  userAgent?: string | undefined;
}

/**
 * The Outdial client.
 *
 * @example
 * ```ts
 * import { Outdial } from '@outdial/sdk';
 *
 * const outdial = new Outdial(); // OUTDIAL_API_KEY and OUTDIAL_BASE_URL from the environment
 * const call = await outdial.calls.create({ agentId, phoneNumber: '+14155552671' });
 * const final = await outdial.calls.waitForTerminalStatus(call.id);
 * ```
 */
export class Outdial {
  /** Place, get, list, cancel and wait for calls. */
  readonly calls: Calls = new Calls(this);
  /** Manage the agents that handle calls. */
  readonly agents: Agents = new Agents(this);
  /**
   * The typed openapi-fetch client underneath, with the same auth, retries and timeouts, for
   * anything not wrapped. It returns `{ data, error, response }` instead of throwing API errors.
   *
   * @example
   * ```ts
   * const { data, response } = await outdial.raw.GET('/healthz');
   * ```
   */
  readonly raw: Client<paths>;
  /** @internal The client-level attempt policy; per-request options override it. */
  readonly _policy: AttemptPolicy;

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('OUTDIAL_API_KEY');
    if (!apiKey) throw new OutdialError('Missing API key: pass `apiKey` or set OUTDIAL_API_KEY');
    const policy: AttemptPolicy = {
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
      fetch: options.fetch,
    };
    this._policy = policy;
    this.raw = createClient<paths>({
      baseUrl: options.baseUrl ?? readEnv('OUTDIAL_BASE_URL') ?? 'http://127.0.0.1:3000',
      headers: {
        ...(options.authScheme === 'bearer'
          ? { Authorization: `Bearer ${apiKey}` }
          : { 'x-api-key': apiKey }),
        'User-Agent': `outdial-sdk-js/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`,
        ...options.headers,
      },
      fetch: (request) => fetchWithRetries(request, policy),
    });
  }

  /**
   * @internal openapi-fetch's per-request init: `init` plus the request options. Every path
   * parameter (an id) is checked here, once for all methods: a bad one throws
   * `InvalidArgumentError` before any request, so the calling method must be `async` to turn
   * that into a rejection.
   */
  _init<I extends object>(options: RequestOptions = {}, init: I = {} as I) {
    const path = (init as { params?: { path?: Record<string, unknown> } }).params?.path ?? {};
    for (const [name, value] of Object.entries(path)) requireId(name, value);
    const { signal, headers, idempotencyKey, maxRetries, timeoutMs, maxRetryWaitMs } = options;
    const policy: AttemptPolicy = {
      ...this._policy,
      maxRetries: maxRetries ?? this._policy.maxRetries,
      timeoutMs: timeoutMs ?? this._policy.timeoutMs,
      maxRetryWaitMs: maxRetryWaitMs ?? this._policy.maxRetryWaitMs,
    };
    return {
      ...init,
      signal,
      headers: idempotencyKey ? { ...headers, 'Idempotency-Key': idempotencyKey } : headers,
      fetch: (request: Request) => fetchWithRetries(request, policy),
    };
  }
}
