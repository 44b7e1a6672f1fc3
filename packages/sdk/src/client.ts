/**
 * @module
 * The client: configuration, authentication and the typed openapi-fetch client every resource
 * goes through.
 */

import type { components, paths } from '@outdial/contract';
import createClient, { type Client, type ParamsOption, type RequestBodyOption } from 'openapi-fetch';
import { ApiPromise } from './core/api-promise';
import { ApiError, OutdialError } from './core/errors';
import { Page, PagePromise } from './core/pagination';
import type { RequestOptions } from './core/request-options';
import type { StreamOptions } from './core/stream-options';
import { readEnv } from './internal/env';
import { type ConnectStream, eventStream } from './internal/event-stream';
import { type AttemptPolicy, fetchWithRetries } from './internal/fetch-with-retries';
import { requireId } from './internal/require-id';
import type { OutdialEvent } from './models';
import { Agents } from './resources/agents';
import { Batches } from './resources/batches';
import { Calls } from './resources/calls';
import { Events } from './resources/events';
import { Queue } from './resources/queue';
import { WebhookEndpoints } from './resources/webhook-endpoints';
import { WebhookSecret } from './resources/webhook-secret';
import { VERSION } from './version';

type Method = 'get' | 'post' | 'patch' | 'delete';
/** The paths with an operation for `M`. */
type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];
type Operation<M extends Method, P extends PathOf<M>> = paths[P][M];
/** openapi-fetch's params and body of an operation, typed from the spec. */
type Init<O> = ParamsOption<O> & RequestBodyOption<O>;
/** The `data` of an operation's 200, 201 or 202 JSON body: what its method resolves to. */
type Data<O> = O extends { responses: infer R }
  ? R[Extract<keyof R, 200 | 201 | 202>] extends { content: { 'application/json': { data: infer D } } }
    ? D
    : never
  : never;
/** The paths of the list operations whose data holds `K`: an array of items, and `pagination`. */
type Query<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> & { cursor?: string } : never;
type ListPath<K extends string> = {
  [P in PathOf<'get'>]: Data<Operation<'get', P>> extends { [key in K]: unknown[] } ? P : never;
}[PathOf<'get'>];
type Item<P extends PathOf<'get'>, K extends string> =
  Data<Operation<'get', P>> extends {
    [key in K]: (infer I)[];
  }
    ? I
    : never;

type Pagination = components['schemas']['Pagination'];
/** openapi-fetch's `request`, for a path and init typed by the methods that call `_request`. */
type UntypedRequest = (
  method: Method,
  path: string,
  init: object,
) => Promise<{ error?: unknown; response: Response }>;

const parseData = async <T>(response: Response): Promise<T> => ((await response.json()) as { data: T }).data;

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
  /** Many calls at once, with a calling window, retries and a concurrency limit. */
  readonly batches: Batches = new Batches(this);
  /** Your organization's events: a feed, and live streams. */
  readonly events: Events = new Events(this);
  /** The URLs that receive your events as signed webhooks, and their delivery logs. */
  readonly webhookEndpoints: WebhookEndpoints = new WebhookEndpoints(this);
  /** The organization's webhook secret, which signs the deliveries to each call's `webhookUrl`. */
  readonly webhookSecret: WebhookSecret = new WebhookSecret(this);
  /** The Dial queue per SIP trunk: calls waiting, the CPS budget, the last minute's dials. */
  readonly queue: Queue = new Queue(this);
  /**
   * The typed openapi-fetch client underneath, with the same auth, retries and timeouts, for
   * anything not wrapped. It returns `{ data, error, response }` instead of throwing API errors.
   *
   * @example
   * ```ts
   * const { data, response } = await outdial.raw.GET('/healthz');
   * ```
   */
  declare readonly raw: Client<paths>;
  /** @internal The client-level attempt policy; per-request options override it. */
  declare readonly _policy: AttemptPolicy;

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('OUTDIAL_API_KEY');
    if (!apiKey) throw new OutdialError('Missing API key: pass `apiKey` or set OUTDIAL_API_KEY');
    const policy: AttemptPolicy = {
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
      fetch: options.fetch,
    };
    // `raw` and `_policy` are `declare`d (no ES2022 field declarations emitted for them too), and
    // set in the order they are declared in, the order of the client's keys.
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
    this._policy = policy;
  }

  /** @internal `GET path`, resolving to the `data` of its body. */
  get<P extends PathOf<'get'>>(
    path: P,
    init: Init<Operation<'get', P>>,
    options?: RequestOptions,
  ): ApiPromise<Data<Operation<'get', P>>> {
    return this._request<Data<Operation<'get', P>>>('get', path, init, options, parseData);
  }

  /** @internal `POST path`, resolving to the `data` of its body. */
  post<P extends PathOf<'post'>>(
    path: P,
    init: Init<Operation<'post', P>>,
    options?: RequestOptions,
  ): ApiPromise<Data<Operation<'post', P>>> {
    return this._request<Data<Operation<'post', P>>>('post', path, init, options, parseData);
  }

  /** @internal `PATCH path`, resolving to the `data` of its body. */
  patch<P extends PathOf<'patch'>>(
    path: P,
    init: Init<Operation<'patch', P>>,
    options?: RequestOptions,
  ): ApiPromise<Data<Operation<'patch', P>>> {
    return this._request<Data<Operation<'patch', P>>>('patch', path, init, options, parseData);
  }

  /** @internal `DELETE path`, resolving to the `data` of its body. */
  delete<P extends PathOf<'delete'>>(
    path: P,
    init: Init<Operation<'delete', P>>,
    options?: RequestOptions,
  ): ApiPromise<Data<Operation<'delete', P>>> {
    return this._request<Data<Operation<'delete', P>>>('delete', path, init, options, parseData);
  }

  /**
   * @internal `GET path` as a list, lazily: the `key` array of each page's data is its items.
   * The first page starts at `query.cursor`; `pathParams` fill the path's `{…}` (the list's owner).
   */
  getList<K extends string, P extends ListPath<K>>(
    path: P,
    key: K,
    query: Query<Operation<'get', P>>,
    options?: RequestOptions,
    pathParams?: Record<string, string>,
  ): PagePromise<Item<P, K>> {
    type Listed = { [key in K]: Item<P, K>[] } & { pagination: Pagination };
    const load = (cursor: string | undefined): ApiPromise<Page<Item<P, K>>> =>
      this._request(
        'get',
        path,
        { params: { query: { ...query, cursor }, path: pathParams } },
        options,
        async (response) => {
          const data = await parseData<Listed>(response);
          return new Page(data[key], data.pagination, load);
        },
      );
    return new PagePromise(() => load(query.cursor));
  }

  /**
   * @internal `GET path` as a Server-Sent Events stream (`Accept: text/event-stream`), lazily: each
   * iteration opens its own connection, and reconnects with `Last-Event-ID` (see `eventStream`).
   * Only the first connection uses the client's retries; the stream retries the others itself.
   */
  getStream<P extends PathOf<'get'>>(
    path: P,
    init: Init<Operation<'get', P>>,
    options: StreamOptions & { endsWithCall?: boolean },
  ): AsyncIterable<OutdialEvent> {
    const { lastEventId, signal, headers, timeoutMs, maxRetries, endsWithCall } = options;
    const connect: ConnectStream = (resumeAfter, first) =>
      this._request(
        'get',
        path,
        init,
        {
          signal,
          timeoutMs,
          maxRetries: first ? maxRetries : 0,
          headers: {
            ...headers,
            Accept: 'text/event-stream',
            ...(resumeAfter !== undefined && { 'Last-Event-ID': resumeAfter }),
          },
        },
        async () => undefined,
      ).asResponse();
    return { [Symbol.asyncIterator]: () => eventStream(connect, { lastEventId, signal, endsWithCall }) };
  }

  /**
   * @internal One request through openapi-fetch, started at once (a `create` nobody awaits still
   * places its call), as an `ApiPromise` of `parse(response)`. Every path parameter (an id) is
   * checked here, once for all methods: a bad one rejects with `InvalidArgumentError` before any
   * request. An error status rejects with its `ApiError`. The methods above type `path` and `init`.
   */
  _request<T>(
    method: Method,
    path: string,
    init: { params?: { path?: Record<string, unknown>; query?: object } },
    options: RequestOptions = {},
    parse: (response: Response) => Promise<T>,
  ): ApiPromise<T> {
    const response = (async () => {
      for (const [name, value] of Object.entries(init.params?.path ?? {})) requireId(name, value);
      const { signal, headers, idempotencyKey, maxRetries, timeoutMs, maxRetryWaitMs } = options;
      const policy: AttemptPolicy = {
        ...this._policy,
        maxRetries: maxRetries ?? this._policy.maxRetries,
        timeoutMs: timeoutMs ?? this._policy.timeoutMs,
        maxRetryWaitMs: maxRetryWaitMs ?? this._policy.maxRetryWaitMs,
      };
      const { error, response } = await (this.raw.request as UntypedRequest)(method, path, {
        ...init,
        signal,
        headers: idempotencyKey ? { ...headers, 'Idempotency-Key': idempotencyKey } : headers,
        fetch: (request: Request) => fetchWithRetries(request, policy),
        // Success bodies stay unread: `asResponse()` hands the response over as it is, and only
        // `parse` reads it. (An error body is read into `error`.)
        parseAs: 'stream',
      });
      if (!response.ok) throw ApiError.from(response.status, error, response.headers);
      return response;
    })();
    return new ApiPromise(() => response, parse);
  }
}
