import { describe, expect, it } from 'vitest';
import { newApiKeySecret, newCallId } from './ids';

describe('ids', () => {
  it('call ids sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newCallId());
    expect(ids.every((id) => /^call_[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('API keys are od_ + 32 base62 characters', () => {
    const keys = Array.from({ length: 50 }, () => newApiKeySecret());
    for (const key of keys) expect(key).toMatch(/^od_[0-9A-Za-z]{32}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
