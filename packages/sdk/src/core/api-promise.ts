/**
 * @module
 * What every request method returns: a promise of the data that also gives you the HTTP response,
 * like openai-node's `APIPromise`.
 */

import { REQUEST_ID_HEADER } from '../internal/request-id';

/**
 * The data of a response with the response itself, from `.withResponse()`.
 *
 * @example
 * ```ts
 * const { data: call, response, requestId }: WithResponse<Call> = await outdial.calls.get(id).withResponse();
 * ```
 */
export interface WithResponse<T> {
  /** What awaiting the promise gives. */
  data: T;
  /** The HTTP response; its body has been read into `data`. */
  response: Response;
  /** The server's request id (`x-request-id`): quote it in bug reports. */
  requestId: string | undefined;
}

/**
 * A request's result. Await it for the data, as with any promise; or ask for the HTTP response with
 * `.withResponse()` (data, response and request id) or `.asResponse()` (the raw `Response`, its
 * body unread). The request is sent once, however many of these you use. An error status rejects
 * all three with the matching `ApiError`.
 *
 * @example
 * ```ts
 * const call = await outdial.calls.get(id);
 * const { data, response, requestId } = await outdial.calls.get(id).withResponse();
 * const raw: Response = await outdial.calls.get(id).asResponse();
 * ```
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #getResponse: () => Promise<Response>;
  readonly #parse: (response: Response) => T | PromiseLike<T>;
  #response: Promise<Response> | undefined;
  #data: Promise<T> | undefined;

  /**
   * For the SDK's own use. `getResponse` is called at most once, when first needed: a request that
   * must start at once (every method but `list()`) is already under way when it is passed in.
   */
  constructor(getResponse: () => Promise<Response>, parse: (response: Response) => T | PromiseLike<T>) {
    // This promise itself always resolves, to nothing: `then` and friends below read the data, so a
    // caller who only asks for `asResponse()` never gets an unhandled rejection from the data.
    super((resolve) => resolve(undefined as T));
    this.#getResponse = getResponse;
    this.#parse = parse;
  }

  /** The raw `Response`, its body unread. Rejects like the promise does on an error status. */
  asResponse(): Promise<Response> {
    this.#response ??= this.#getResponse();
    return this.#response;
  }

  /** The data, the response and the server's request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, response] = await Promise.all([this.#parsed(), this.asResponse()]);
    return { data, response, requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined };
  }

  #parsed(): Promise<T> {
    this.#data ??= this.asResponse().then(this.#parse);
    return this.#data;
  }

  // `reason: any`, as in Promise's own typings: callers' `.catch((e) => e.status)` keeps compiling.
  // biome-ignore lint/suspicious/noThenProperty: a promise, on purpose; `then` reads the data
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: see above
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: as in `then`
  override catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}
