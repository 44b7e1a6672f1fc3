/**
 * @module
 * One request through the mock, in the server's order: route (unknown → 404 `Not found`),
 * authentication (401), body parsing (413, body required, Content-Type, malformed JSON), spec
 * validation of parameters and body (400 with details), then the operation's handler. Every
 * response carries `x-request-id`; every error uses the envelope with the same `requestId`.
 */
import { ApiError, type ErrorDetail } from './api-error';
import type { MockRuntime, OperationHandler, OperationResult } from './operation-context';
import { RequestValidator } from './request-validator';
import { buildRoutes, findRoute, type Route } from './route-table';

type Pipeline = { validator: RequestValidator; handler: OperationHandler };

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
    const requestId = this.#runtime.ids.requestId();
    try {
      return respond(await this.#run(request), requestId);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.fromCatalog('internal_error');
      if (!(error instanceof ApiError)) console.error('[@outdial/mock] handler failed', error);
      return respondError(apiError, requestId);
    }
  }

  async #run(request: Request): Promise<OperationResult> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(this.#basePath)
      ? url.pathname.slice(this.#basePath.length)
      : undefined;
    const found = path === undefined ? undefined : findRoute(this.#routes, request.method, path);
    const operation = found && this.#operations.get(found.route);
    if (!found || !operation) throw ApiError.fromCatalog('route_not_found');

    const organization = found.route.secured ? this.#authenticate(request.headers) : undefined;
    const body = found.route.bodyPointer ? await this.#readJsonBody(request) : undefined;

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

    return operation.handler({
      runtime: this.#runtime,
      organization,
      params: values,
      body: body as Record<string, unknown> | undefined,
    });
  }

  #authenticate(headers: Headers) {
    const key = apiKeyOf(headers);
    const organization = key === undefined ? undefined : this.#runtime.state.organizationByKey(key);
    if (!organization) throw ApiError.fromCatalog('unauthorized');
    return organization;
  }

  async #readJsonBody(request: Request): Promise<unknown> {
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The server's order: no body, then a media type other than JSON, then size, then syntax.
    if (bytes.length === 0) {
      throw ApiError.fromCatalog('validation_error', { reason: 'Request body is required' }, []);
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      throw ApiError.fromCatalog('unsupported_media_type', {}, []);
    }
    if (bytes.length > this.#maxBodyBytes) throw ApiError.fromCatalog('payload_too_large');
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch {
      throw ApiError.fromCatalog('invalid_json', {}, []);
    }
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function respond(result: OperationResult, requestId: string): Response {
  const headers = new Headers({ ...result.headers, 'x-request-id': requestId });
  if (result.text) {
    headers.set('content-type', result.text.contentType);
    return new Response(result.text.content, { status: result.status, headers });
  }
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

function respondError(error: ApiError, requestId: string): Response {
  const envelope = {
    error: {
      message: error.message,
      code: error.status,
      type: error.type,
      ...(error.details ? { details: error.details } : {}),
      requestId,
    },
  };
  return respond({ status: error.status, body: envelope, headers: error.headers }, requestId);
}
