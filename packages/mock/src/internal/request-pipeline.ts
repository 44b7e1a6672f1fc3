/**
 * @module
 * One request through the mock, in the server's order: route (unknown → 404 `Not found`; HEAD
 * is its path's GET), authentication (401), body reading (only for operations that take a body:
 * body required, Content-Type, Content-Encoding, 413, malformed JSON), spec validation of
 * parameters and body (400 with details), the checks the spec's schemas cannot express, then the
 * operation's handler. Every response carries `x-request-id`; every error uses the envelope with
 * the same `requestId`.
 */
import { ApiError, apiError, type ErrorDetail, errorEnvelope } from '@outdial/contract';
import type { MockRuntime, OperationHandler, OperationResult } from './operation-context';
import { RequestValidator } from './request-validator';
import { buildRoutes, findRoute, type Route } from './route-table';

type Pipeline = { validator: RequestValidator; handler: OperationHandler };

/** createBatch takes up to 10,000 rows: its body may be 8 MiB, as on the server. */
const BATCH_MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Which header carries the API key: `x-api-key` first, else `Authorization: Bearer <key>`. */
function apiKeyOf(headers: Headers): string | undefined {
  const apiKey = headers.get('x-api-key');
  if (apiKey !== null) return apiKey;
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '');
  return bearer?.[1]?.trim();
}

function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

type CompressionFormat = ConstructorParameters<typeof DecompressionStream>[0];

/** The Content-Encodings the server decodes too, as DecompressionStream names them (null: as is). */
const DECODERS: Readonly<Record<string, CompressionFormat | null>> = {
  identity: null,
  gzip: 'gzip',
  deflate: 'deflate',
};

/**
 * `bytes` decoded from `format`, or undefined as soon as the result passes `limit` bytes (a small
 * body may decode to a huge one). Rejects when the bytes are not in that format.
 */
async function decode(bytes: Uint8Array<ArrayBuffer>, format: CompressionFormat, limit: number) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.length;
    if (length > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  const decoded = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    decoded.set(chunk, offset);
    offset += chunk.length;
  }
  return decoded;
}

/**
 * Serves the spec's operations with the given handlers.
 *
 * @example
 * const pipeline = new RequestPipeline(runtime, { getHealth }, { basePath: '', maxBodyBytes: 1_048_576 });
 * const response = await pipeline.handle(new Request('https://api.example.test/healthz'));
 */
export class RequestPipeline {
  readonly #runtime: MockRuntime;
  readonly #routes: Route[];
  readonly #operations: Map<Route, Pipeline>;
  readonly #basePath: string;
  readonly #maxBodyBytes: number;

  constructor(
    runtime: MockRuntime,
    handlers: Readonly<Record<string, OperationHandler>>,
    options: { basePath: string; maxBodyBytes: number },
  ) {
    this.#runtime = runtime;
    this.#basePath = options.basePath;
    this.#maxBodyBytes = options.maxBodyBytes;
    // Operations without a handler (the internal LiveKit webhook) are left unrouted: 404.
    this.#routes = buildRoutes().filter((route) => handlers[route.operationId] !== undefined);
    this.#operations = new Map(
      this.#routes.map((route) => [
        route,
        { validator: new RequestValidator(route), handler: handlers[route.operationId] as OperationHandler },
      ]),
    );
  }

  async handle(request: Request): Promise<Response> {
    const response = await this.#answer(request);
    if (request.method !== 'HEAD') return response;
    // HEAD is answered as GET is, without the body (a stream's ends at once).
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  }

  async #answer(request: Request): Promise<Response> {
    const requestId = this.#runtime.ids.requestId();
    try {
      // Every request first sees the clock's effect, so a test that moves an injected clock sees
      // due calls queued (and expired ones failed) on its next request, timers or not.
      this.#runtime.progression.releaseDue();
      return respond(await this.#run(request), requestId);
    } catch (error) {
      const answer = error instanceof ApiError ? error : apiError('internal_error');
      if (!(error instanceof ApiError)) console.error('[@outdial/mock] handler failed', error);
      return respondError(answer, requestId);
    }
  }

  async #run(request: Request): Promise<OperationResult> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(this.#basePath)
      ? url.pathname.slice(this.#basePath.length)
      : undefined;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const found = path === undefined ? undefined : findRoute(this.#routes, method, path);
    const operation = found && this.#operations.get(found.route);
    if (!found || !operation) throw apiError('route_not_found');

    const organization = found.route.secured ? this.#authenticate(request.headers) : undefined;
    const limit =
      found.route.operationId === 'createBatch'
        ? Math.max(this.#maxBodyBytes, BATCH_MAX_BODY_BYTES)
        : this.#maxBodyBytes;
    const body = found.route.bodyPointer ? await this.#readJsonBody(request, limit) : undefined;

    const { details, values } = operation.validator.checkParameters({
      path: found.pathParams,
      query: url.searchParams,
      headers: request.headers,
    });
    const bodyDetails: ErrorDetail[] =
      body === undefined
        ? []
        : isJsonObject(body)
          ? operation.validator.checkBody(body)
          : [{ field: 'body', message: 'Request body must be a JSON object' }];
    RequestValidator.throwIfAny([...details, ...bodyDetails]);
    // Only once the schemas pass, as on the server (its validator stops at the first failing request).
    RequestValidator.throwIfAny(operation.validator.checkParameterValues(values));

    return operation.handler({
      runtime: this.#runtime,
      organization,
      params: values,
      body: body as Record<string, unknown> | undefined,
      headers: request.headers,
    });
  }

  #authenticate(headers: Headers) {
    const key = apiKeyOf(headers);
    const organization = key === undefined ? undefined : this.#runtime.state.organizationByKey(key);
    if (!organization) throw apiError('unauthorized');
    return organization;
  }

  async #readJsonBody(request: Request, maxBodyBytes: number): Promise<unknown> {
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The server's order: no body, a media type other than JSON, a Content-Encoding it does not
    // decode, bytes that do not decode, the size once decoded, then syntax.
    if (bytes.length === 0) {
      throw apiError('validation_error', { reason: 'Request body is required' }, { details: [] });
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      throw apiError('unsupported_media_type');
    }
    const encoding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
    if (!Object.hasOwn(DECODERS, encoding)) throw apiError('unsupported_content_encoding');
    const format = DECODERS[encoding];
    let decoded: Uint8Array | undefined = bytes;
    if (format) {
      try {
        decoded = await decode(bytes, format, maxBodyBytes);
      } catch {
        throw apiError('invalid_content_encoding');
      }
    }
    if (decoded === undefined || decoded.length > maxBodyBytes) {
      throw apiError('payload_too_large');
    }
    try {
      return JSON.parse(new TextDecoder().decode(decoded)) as unknown;
    } catch {
      throw apiError('invalid_json');
    }
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function respond(result: OperationResult, requestId: string): Response {
  const headers = new Headers({ ...result.headers, 'x-request-id': requestId });
  if (result.stream) return new Response(result.stream, { status: result.status, headers });
  if (result.text) {
    headers.set('content-type', result.text.contentType);
    return new Response(result.text.content, { status: result.status, headers });
  }
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

function respondError(error: ApiError, requestId: string): Response {
  return respond(
    { status: error.status, body: errorEnvelope(error, requestId), headers: error.headers },
    requestId,
  );
}
