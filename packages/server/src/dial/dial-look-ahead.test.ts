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
    for (let i = 0; i < 50; i++) lookAhead.record(248); // 49.6 slots
    expect(lookAhead.size).toBe(51);
  });

  it('leaves room for the slower preparations, not only the average one', () => {
    const steady = new DialLookAhead({ cps: 50, max: 100 });
    const jittery = new DialLookAhead({ cps: 50, max: 100 });
    for (let i = 0; i < 100; i++) {
      steady.record(30);
      jittery.record(i % 2 === 0 ? 10 : 50); // the same 30 ms on average
    }
    expect(steady.size).toBe(3); // 30 ms = 1.5 slots, + 1
    expect(jittery.size).toBeGreaterThan(steady.size);
  });

  it('never exceeds the in-flight limit, and never drops below 2', () => {
    const lookAhead = new DialLookAhead({ cps: 200, max: 8 });
    for (let i = 0; i < 50; i++) lookAhead.record(1_000);
    expect(lookAhead.size).toBe(8);
    const slow = new DialLookAhead({ cps: 1, max: 8 });
    expect(slow.record(0)).toBe(2);
  });
});
