import { describe, expect, it } from 'vitest';
import { DialLookAhead } from './dial-look-ahead';

describe('DialLookAhead', () => {
  it('starts from a LiveKit Cloud-like preparation time', () => {
    expect(new DialLookAhead({ cps: 50, max: 100 }).size).toBe(6); // 100 ms = 5 slots, + 1
    expect(new DialLookAhead({ cps: 200, max: 100 }).size).toBe(21);
  });

  it('shrinks when preparation is fast, so an urgent call waits behind few claimed calls', () => {
    const lookAhead = new DialLookAhead({ cps: 50, max: 100 });
    for (let i = 0; i < 50; i++) lookAhead.record(5);
    expect(lookAhead.size).toBe(2);
  });

  it('grows when preparation slows, so slots are not wasted', () => {
    const lookAhead = new DialLookAhead({ cps: 200, max: 100 });
    for (let i = 0; i < 50; i++) lookAhead.record(5);
    expect(lookAhead.size).toBe(3);
    for (let i = 0; i < 50; i++) lookAhead.record(250);
    expect(lookAhead.size).toBe(51);
  });

  it('never exceeds the in-flight limit, and never drops below 2', () => {
    const lookAhead = new DialLookAhead({ cps: 200, max: 8 });
    for (let i = 0; i < 50; i++) lookAhead.record(1_000);
    expect(lookAhead.size).toBe(8);
    const slow = new DialLookAhead({ cps: 1, max: 8 });
    expect(slow.record(0)).toBe(2);
  });
});
