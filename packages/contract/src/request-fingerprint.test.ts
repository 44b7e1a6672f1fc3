import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1}');
  });

  it('leaves out undefined members, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

it('fingerprints equal requests equally, whatever their key order', () => {
  const a = requestFingerprint('POST', '/api/v1/calls/outbound', { agentId: 'x', phoneNumber: '+1' });
  const b = requestFingerprint('POST', '/api/v1/calls/outbound', { phoneNumber: '+1', agentId: 'x' });
  expect(a).toBe(b);
  expect(requestFingerprint('POST', '/api/v1/calls/outbound', { agentId: 'y', phoneNumber: '+1' })).not.toBe(
    a,
  );
});
