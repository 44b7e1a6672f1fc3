/**
 * @module
 * The SDK's one error tree: `OutdialError → ApiError → <one class per status>`, plus
 * `ConnectionError` (and its `RequestTimeoutError`), `WaitTimeoutError`, `AbortError`,
 * `StreamUnavailableError` and `InvalidArgumentError`.
 *
 * `instanceof` compares brands, not class identity: an app that loads both the ESM and the CJS
 * build (the dual-package hazard) has two copies of every class, and an error thrown by one copy
 * must still match the other's classes.
 */
import { REQUEST_ID_HEADER } from '../internal/request-id';
import { parseRetryAfter } from '../internal/retry-policy';
import type { Batch, Call, ErrorDetail, ErrorType } from '../models';

// Symbol.for is shared across module copies and realms; a plain Symbol() would not be.
export const BRAND: unique symbol = Symbol.for('@outdial/sdk/error');

/**
 * The base of every error the SDK throws.
 *
 * @example
 * ```ts
 * try {
 *   await outdial.calls.get(id);
 * } catch (error) {
 *   if (error instanceof OutdialError) console.error(error.name, error.message);
 * }
 * ```
 */
export class OutdialError extends Error {
  /** The brand `instanceof` compares; also the error's `name`, which survives minification. */
  static readonly [BRAND]: string = 'OutdialError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = (new.target as typeof OutdialError)[BRAND];
  }

  /** Matches any value whose class chain carries this class's brand, from any copy of the SDK. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class on the right of `instanceof` (a subclass when inherited): on purpose.
    for (let c: unknown = (value as object | null)?.constructor; typeof c === 'function'; ) {
      // biome-ignore lint/complexity/noThisInStatic: see above
      if (Object.hasOwn(c, BRAND) && (c as typeof OutdialError)[BRAND] === this[BRAND]) return true;
      c = Object.getPrototypeOf(c);
    }
    return false;
  }
}

/**
 * The server answered with an error status. Subclasses name the common statuses; `type` is the
 * stable machine-readable kind from the error envelope (`agent_not_found`, …).
 *
 * @example
 * ```ts
 * try {
 *   await outdial.calls.create({ agentId, phoneNumber: '+1' });
 * } catch (error) {
 *   if (error instanceof ApiError) console.error(error.status, error.type, error.details, error.requestId);
 * }
 * ```
 */
export class ApiError extends OutdialError {
  static override readonly [BRAND]: string = 'ApiError';
  // The constructor sets every field: `declare`, so no ES2022 field declaration is emitted for
  // them too (bytes in every app's bundle, for nothing). The same in the classes below.
  /** The HTTP status. */
  declare readonly status: number;
  /** The envelope's `type`, or `unknown` when the body was not an error envelope. */
  declare readonly type: ErrorType | (string & {});
  /** Field errors, when the request failed validation. */
  declare readonly details: ErrorDetail[] | undefined;
  /** The server's request id (`x-request-id`): quote it in bug reports. */
  declare readonly requestId: string | undefined;
  /** The response headers. */
  declare readonly headers: Headers;

  constructor(status: number, body: unknown, headers: Headers) {
    const error = (body as { error?: Partial<Record<string, unknown>> } | undefined)?.error ?? {};
    const text = typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : '';
    super(typeof error.message === 'string' ? error.message : `HTTP ${status}${text}`);
    this.status = status;
    this.type = typeof error.type === 'string' ? error.type : 'unknown';
    this.details = error.details as ErrorDetail[] | undefined;
    this.requestId = (error.requestId as string | undefined) ?? headers.get(REQUEST_ID_HEADER) ?? undefined;
    this.headers = headers;
  }

  /**
   * The error for a response: the subclass for its status, `InternalServerError` for any 5xx,
   * else a plain `ApiError`.
   *
   * @example
   * ```ts
   * const error = ApiError.from(404, { error: { message: 'Call not found' } }, new Headers());
   * error instanceof NotFoundError; // true
   * ```
   */
  static from(status: number, body: unknown, headers: Headers): ApiError {
    const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
    return new Class(status, body, headers);
  }
}

/**
 * 400: the request is invalid (`validation_error`), or the agent cannot place calls
 * (`agent_not_voice`, `agent_inactive`, `caller_id_not_allowed`), or the call cannot be cancelled.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof BadRequestError) console.error(error.details); }
 * ```
 */
export class BadRequestError extends ApiError {
  static override readonly [BRAND]: string = 'BadRequestError';
}

/**
 * 401: the API key is missing or unknown.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof AuthenticationError) console.error('check OUTDIAL_API_KEY'); }
 * ```
 */
export class AuthenticationError extends ApiError {
  static override readonly [BRAND]: string = 'AuthenticationError';
}

/**
 * 403: the resource belongs to another organization.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof PermissionDeniedError) console.error(error.message); }
 * ```
 */
export class PermissionDeniedError extends ApiError {
  static override readonly [BRAND]: string = 'PermissionDeniedError';
}

/**
 * 404: no such call or agent (`not_found`, `agent_not_found`).
 *
 * @example
 * ```ts
 * const call = await outdial.calls.get(id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
 * ```
 */
export class NotFoundError extends ApiError {
  static override readonly [BRAND]: string = 'NotFoundError';
}

/**
 * 409: a request with the same Idempotency-Key is still in flight. The SDK retries it for you;
 * you see it only once retries run out.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ConflictError) setTimeout(retry, 1000); }
 * ```
 */
export class ConflictError extends ApiError {
  static override readonly [BRAND]: string = 'ConflictError';
}

/**
 * 422: the Idempotency-Key was already used with a different body (`idempotency_key_reused`).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof UnprocessableEntityError) console.error('use a fresh idempotencyKey'); }
 * ```
 */
export class UnprocessableEntityError extends ApiError {
  static override readonly [BRAND]: string = 'UnprocessableEntityError';
}

/**
 * 429: too many requests. The SDK already retried, or gave up at once because the wait asked for
 * would pass `maxRetryWaitMs`; `retryAfterMs` says how long the server asked to wait (undefined
 * when it did not say).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof RateLimitError) await new Promise((r) => setTimeout(r, error.retryAfterMs ?? 1000));
 * }
 * ```
 */
export class RateLimitError extends ApiError {
  static override readonly [BRAND]: string = 'RateLimitError';
  /** `Retry-After` in milliseconds (from seconds or an HTTP date). */
  readonly retryAfterMs: number | undefined = parseRetryAfter(this.headers);
}

/**
 * Any 5xx: the server failed (`internal_error`, `queue_failed`, `livekit_not_configured`).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof InternalServerError) console.error(error.type, error.requestId); }
 * ```
 */
export class InternalServerError extends ApiError {
  static override readonly [BRAND]: string = 'InternalServerError';
}

const BY_STATUS: Partial<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * No response: DNS, refused or reset connection, TLS, or the `fetch` implementation threw.
 * The original error is `cause`.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ConnectionError) console.error('network:', error.cause); }
 * ```
 */
export class ConnectionError extends OutdialError {
  static override readonly [BRAND]: string = 'ConnectionError';
}

/**
 * An attempt got no response within `timeoutMs`. A kind of `ConnectionError`, so it is retried
 * the same way.
 *
 * @example
 * ```ts
 * const outdial = new Outdial({ timeoutMs: 5_000 });
 * catch (error) { if (error instanceof RequestTimeoutError) console.error(error.message); }
 * ```
 */
export class RequestTimeoutError extends ConnectionError {
  static override readonly [BRAND]: string = 'RequestTimeoutError';
}

/**
 * Your `signal` aborted the request or the wait. Its reason is `cause`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const done = outdial.calls.waitForTerminalStatus(id, { signal: controller.signal });
 * controller.abort();
 * await done.catch((e) => e instanceof AbortError); // true
 * ```
 */
export class AbortError extends OutdialError {
  static override readonly [BRAND]: string = 'AbortError';
  constructor(reason?: unknown) {
    super('The operation was aborted', { cause: reason });
  }
}

/**
 * A wait reached its `timeoutMs` deadline before the call reached the wanted status (or the
 * batch finished). `lastCall` is the call as last seen, `lastBatch` the batch (undefined if no
 * poll ever succeeded).
 *
 * @example
 * ```ts
 * try {
 *   await outdial.calls.waitForTerminalStatus(id, { timeoutMs: 60_000 });
 * } catch (error) {
 *   if (error instanceof WaitTimeoutError) console.log('still', error.lastCall?.status);
 * }
 * ```
 */
export class WaitTimeoutError extends OutdialError {
  static override readonly [BRAND]: string = 'WaitTimeoutError';
  declare readonly lastCall: Call | undefined;
  declare readonly lastBatch: Batch | undefined;
  constructor(last: Call | Batch | undefined, timeoutMs: number, waitedFor: 'call' | 'batch' = 'call') {
    super(
      `Timed out after ${timeoutMs} ms waiting for the ${waitedFor} (last status: ${last?.status ?? 'none'})`,
    );
    this.lastCall = waitedFor === 'call' ? (last as Call | undefined) : undefined;
    this.lastBatch = waitedFor === 'batch' ? (last as Batch | undefined) : undefined;
  }
}

/**
 * The server answered a stream request, but not with a Server-Sent Events stream: it does not
 * serve event streams (an older server), a proxy in between rewrote the answer, or this runtime's
 * `fetch` cannot read a body as it arrives. The waiters fall back to polling on it.
 *
 * @example
 * ```ts
 * try {
 *   for await (const event of outdial.calls.stream(id)) console.log(event.type);
 * } catch (error) {
 *   if (error instanceof StreamUnavailableError) console.log('no live stream here:', error.message);
 * }
 * ```
 */
export class StreamUnavailableError extends OutdialError {
  static override readonly [BRAND]: string = 'StreamUnavailableError';
}

/**
 * An argument was rejected before any request was sent: an id that is missing, empty or not a
 * string, which would otherwise become a request for the wrong URL (`/calls/%7BcallId%7D`, or
 * `/calls/`). `argument` names the parameter.
 *
 * @example
 * ```ts
 * try {
 *   await outdial.calls.get(process.env.CALL_ID as string);
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) console.error(error.argument, error.message);
 * }
 * ```
 */
export class InvalidArgumentError extends OutdialError {
  static override readonly [BRAND]: string = 'InvalidArgumentError';
  /** The parameter that was rejected (`callId`, `agentId`, …). */
  declare readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.argument = argument;
  }
}
