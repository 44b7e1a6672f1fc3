import { openApiYaml } from '@outdial/contract';
import { expect, test } from 'vitest';
import { useMock } from '../../test/support/mock-client';

const { request } = useMock();

test('GET /healthz', async () => {
  expect((await request('GET', '/healthz')).body).toEqual({ status: 'ok' });
});

test('GET /readyz: always ready', async () => {
  const response = await request('GET', '/readyz');
  expect(response.body).toEqual({
    status: 'ready',
    checks: { database: 'ok', dialQueue: 'ok', livekit: 'ok' },
  });
});

test('GET /openapi.yaml serves the bundled document byte for byte', async () => {
  const response = await request('GET', '/openapi.yaml');
  expect(response.headers.get('content-type')).toBe('application/yaml');
  expect(response.body).toBe(openApiYaml);
});
