import { expect, test } from 'vitest';
import { responseProblems } from './response-conformance';

const headers = (requestId = 'req_1') => new Headers({ 'x-request-id': requestId });

test('accepts a conforming response', () => {
  expect(responseProblems('GET', '/healthz', 200, { status: 'ok' }, headers())).toEqual([]);
});

test('reports a body that breaks the schema', () => {
  expect(responseProblems('GET', '/healthz', 200, { status: 'fine' }, headers())).not.toEqual([]);
  const call = { data: { id: 'call_1', status: 'queued' } };
  expect(responseProblems('GET', '/api/v1/calls/call_1', 200, call, headers()).join()).toMatch(/required/);
});

test('reports an undocumented status and a missing x-request-id', () => {
  expect(responseProblems('GET', '/healthz', 418, {}, headers())).toEqual([
    'status 418 is not documented for getHealth',
  ]);
  expect(responseProblems('GET', '/healthz', 200, { status: 'ok' }, new Headers())).toEqual([
    'missing x-request-id header',
  ]);
});

test('checks the error envelope against the header and the status', () => {
  const envelope = { error: { message: 'Call not found', code: 404, type: 'not_found', requestId: 'req_2' } };
  expect(responseProblems('GET', '/api/v1/calls/call_1', 404, envelope, headers('req_2'))).toEqual([]);
  expect(responseProblems('GET', '/api/v1/calls/call_1', 404, envelope, headers('req_3'))).toEqual([
    'error.requestId differs from x-request-id',
  ]);
  const wrongCode = { error: { ...envelope.error, code: 400 } };
  expect(responseProblems('GET', '/api/v1/calls/call_1', 404, wrongCode, headers('req_2'))).toEqual([
    'error.code differs from the HTTP status',
  ]);
});

test('unknown routes must answer the error envelope; YAML routes a string', () => {
  expect(responseProblems('GET', '/nope', 404, { oops: true }, headers())).not.toEqual([]);
  expect(responseProblems('GET', '/openapi.yaml', 200, 'openapi: 3.1.0', headers())).toEqual([]);
  expect(responseProblems('GET', '/openapi.yaml', 200, { a: 1 }, headers())).toEqual([
    'expected a non-JSON body',
  ]);
});
