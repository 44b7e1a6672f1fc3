import { describe, expect, it } from 'vitest';
import { VerifiedKeyCache } from './verified-key-cache';

const owner = (n: number) => ({ apiKeyId: `key_${n}`, organizationId: 'org_1' });

function clockAt(ms: number) {
  const clock = { ms, now: () => new Date(clock.ms) };
  return clock;
}

describe('VerifiedKeyCache', () => {
  it('trusts a verified key for its time to live, then asks again', () => {
    const clock = clockAt(1_000);
    const cache = new VerifiedKeyCache({ clock, ttlMs: 5_000 });
    cache.remember('h1', owner(1));
    clock.ms = 5_999;
    expect(cache.get('h1')).toEqual(owner(1));
    clock.ms = 6_000;
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('remembers nothing with a time to live of 0', () => {
    const cache = new VerifiedKeyCache({ clock: clockAt(0), ttlMs: 0 });
    cache.remember('h1', owner(1));
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets every entry of a revoked key', () => {
    const cache = new VerifiedKeyCache({ clock: clockAt(0), ttlMs: 5_000 });
    cache.remember('h1', owner(1));
    cache.remember('h2', owner(2));
    cache.forgetKey('key_1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toEqual(owner(2));
  });

  it('evicts the key verified longest ago when full', () => {
    const cache = new VerifiedKeyCache({ clock: clockAt(0), ttlMs: 5_000, maxEntries: 2 });
    cache.remember('h1', owner(1));
    cache.remember('h2', owner(2));
    cache.remember('h1', owner(1)); // verified again: now the newest
    cache.remember('h3', owner(3));
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h1')).toEqual(owner(1));
    expect(cache.get('h3')).toEqual(owner(3));
    expect(cache.size).toBe(2);
  });
});
