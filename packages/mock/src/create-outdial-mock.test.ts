import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOutdialMock, MAGIC_NUMBERS } from './index';

describe('createOutdialMock', () => {
  const mock = createOutdialMock({
    baseUrl: 'https://mock.test/outdial/',
    progression: 'manual',
    apiKey: 'k1',
  });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  test('serves under a base URL with a path prefix (trailing slash trimmed)', async () => {
    expect(mock.baseUrl).toBe('https://mock.test/outdial');
    const response = await fetch('https://mock.test/outdial/api/v1/agents', {
      headers: { authorization: 'Bearer k1' },
    });
    expect(response.status).toBe(200);
    const outside = await fetch('https://mock.test/outdial/healthz/extra');
    expect(outside.status).toBe(404);
  });

  test('seeds: a custom key, three agents, a second organization', () => {
    expect(mock.apiKey).toBe('k1');
    expect(mock.agents.voice).toMatchObject({
      type: 'voice',
      status: 'active',
      phoneNumbers: ['+14155551234', '+14155551235'],
    });
    expect(mock.agents.chat).toMatchObject({ type: 'chat', status: 'active' });
    expect(mock.agents.inactive).toMatchObject({ type: 'voice', status: 'inactive' });
    expect(mock.otherOrganization.apiKey).not.toBe(mock.apiKey);
    expect(mock.otherOrganization.agent.id).not.toBe(mock.agents.voice.id);
  });

  test('reset restores changed and deleted seeded agents', async () => {
    const headers = { 'x-api-key': 'k1' };
    await fetch(`https://mock.test/outdial/api/v1/agents/${mock.agents.chat.id}`, {
      method: 'DELETE',
      headers,
    });
    expect(() => mock.agents.chat).toThrow(/deleted/);
    mock.reset();
    expect(mock.agents.chat.name).toBe('Chat Agent');
  });

  test('exports the magic numbers', () => {
    expect(MAGIC_NUMBERS).toEqual({
      busy: '+15005550001',
      noAnswer: '+15005550002',
      trunkFailure: '+15005550003',
      earlyHangup: '+15005550004',
    });
  });
});

test('the same seed gives the same ids', async () => {
  const ids = async () => {
    const mock = createOutdialMock({ baseUrl: 'https://a.test', seed: 42, progression: 'manual' });
    const response = await mock.handle(
      new Request('https://a.test/api/v1/agents', {
        method: 'POST',
        headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
        body: '{"name":"A"}',
      }),
    );
    return [
      response.headers.get('x-request-id'),
      ((await response.json()) as { data: { id: string } }).data.id,
    ];
  };
  expect(await ids()).toEqual(await ids());
});

test('an unexpected failure answers 500 internal_error in the envelope', async () => {
  const mock = createOutdialMock({
    baseUrl: 'https://a.test',
    progression: 'manual',
    createLatency: () => Promise.reject(new Error('boom')),
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const response = await mock.handle(
      new Request('https://a.test/api/v1/calls/outbound', {
        method: 'POST',
        headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ agentId: mock.agents.voice.id, phoneNumber: '+14155552671' }),
      }),
    );
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      type: 'internal_error',
      message: 'Internal server error',
      requestId: response.headers.get('x-request-id'),
    });
    expect(errors).toHaveLength(1);
  } finally {
    console.error = original;
  }
});

test('runtime sources import nothing from Node (the mock must run in browsers)', () => {
  const root = new URL('.', import.meta.url).pathname;
  const runtimeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'test-support' ? [] : runtimeFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
  const files = runtimeFiles(root);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(
      /^import[^;]*from ['"](node:|fs|path|crypto|msw\/node)/m,
    );
  }
});
