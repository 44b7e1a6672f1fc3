import { describe, expect, it } from 'vitest';
import { eventIdFloor, newApiKeySecret, newCallId, newEventIdAfter } from './ids';

describe('ids', () => {
  it('call ids sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newCallId());
    expect(ids.every((id) => /^call_[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('event ids exceed the newest one written, even one from a later clock or another process', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    const first = newEventIdAfter(undefined, now);
    expect(first).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newEventIdAfter(first, now) > first).toBe(true);
    // Another writer's id, an hour ahead of this clock and with the largest random part.
    const ahead = newEventIdAfter(undefined, now + 3_600_000)
      .slice(0, 14)
      .padEnd(30, 'Z');
    const next = newEventIdAfter(ahead, now);
    expect(next > ahead).toBe(true);
    expect(next.slice(0, 14) > ahead.slice(0, 14)).toBe(true);
  });

  it("an instant's event id floor sorts at or below that instant's ids and below the next millisecond's", () => {
    // Later than any id this process made yet: the monotonic factory then uses this very time.
    const at = Date.parse('2031-01-01T00:00:00.000Z');
    const floor = eventIdFloor(new Date(at));
    expect(floor).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    const id = newEventIdAfter(undefined, at);
    expect(id >= floor).toBe(true);
    expect(id.slice(0, 14)).toBe(floor.slice(0, 14));
    expect(id < eventIdFloor(new Date(at + 1))).toBe(true);
    expect(eventIdFloor(new Date(at - 1)) < floor).toBe(true);
  });

  it('API keys are od_ + 32 base62 characters', () => {
    const keys = Array.from({ length: 50 }, () => newApiKeySecret());
    for (const key of keys) expect(key).toMatch(/^od_[0-9A-Za-z]{32}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
