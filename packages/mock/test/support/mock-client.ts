/**
 * @module
 * Test helper: a mock behind msw's `setupServer`, and a `request` function that sends real
 * `fetch` requests through it and fails the test if any response does not match the spec.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createOutdialMock, type OutdialMock, type OutdialMockOptions } from '../../src/create-outdial-mock';
import { responseProblems } from './response-conformance';

export const BASE_URL = 'https://api.example.test';

/** What `request` returns. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes; the spec check guards them.
export type TestResponse = { status: number; headers: Headers; body: any };

export type RequestOptions = {
  body?: unknown;
  /** Sent as-is (no JSON encoding). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The API key to send as `x-api-key`; `null` sends none. Default: the mock's key. */
  apiKey?: string | null;
  /** Skips the spec check for a response the spec does not document yet; say why. */
  undocumented?: string;
};

/**
 * Registers a mock with msw for the current test file; resets it after each test.
 *
 * @example
 * const t = useMock({ progression: 'manual' });
 * const { status } = await t.request('GET', '/healthz');
 */
export function useMock(options: Partial<OutdialMockOptions> = {}): {
  mock: OutdialMock;
  /** The msw server the mock's handlers run in: `server.use(...)` adds receivers of its webhooks. */
  server: ReturnType<typeof setupServer>;
  request: (method: string, path: string, init?: RequestOptions) => Promise<TestResponse>;
} {
  const mock = createOutdialMock({ baseUrl: BASE_URL, progression: 'manual', seed: 1, ...options });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    mock.reset();
    server.resetHandlers();
  });
  afterAll(() => server.close());

  async function request(method: string, path: string, init: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {};
    const apiKey = init.apiKey === undefined ? mock.apiKey : init.apiKey;
    if (apiKey !== null) headers['x-api-key'] = apiKey;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: { ...headers, ...init.headers },
      body,
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.startsWith('application/json');
    const parsed: unknown = isJson ? JSON.parse(text) : text;
    const problems = responseProblems(
      method,
      new URL(`${BASE_URL}${path}`).pathname,
      response.status,
      parsed,
      response.headers,
    );
    if (problems.length > 0 && init.undocumented === undefined) {
      throw new Error(
        `${method} ${path} → ${response.status} does not match the spec:\n${problems.join('\n')}`,
      );
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  return { mock, server, request };
}
