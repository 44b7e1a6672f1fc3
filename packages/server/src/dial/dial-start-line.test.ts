import { describe, expect, it } from 'vitest';
import type { DialKey } from '../ports/dial-backlog';
import { DialStartLine } from './dial-start-line';

/** A start line whose starts stay pending until the test sends their INVITE. */
function startLine(lookAhead: number) {
  const started: string[] = [];
  const sends = new Map<string, () => void>();
  const line = new DialStartLine({
    lookAhead,
    start: (call) => {
      started.push(call.id);
      return new Promise<void>((resolve) => sends.set(call.id, resolve));
    },
    onError: () => undefined,
  });
  const send = async (id: string) => {
    sends.get(id)?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { line, started, send };
}

const call = (id: string, priority: number, seq: number): DialKey => ({ id, priority, seq });
const batchCall = (id: string, turn: number, seq: number): DialKey => ({
  id,
  priority: 5,
  turn,
  seq,
  batchId: 'batch_1',
});
const never = new AbortController().signal;

describe('DialStartLine', () => {
  it('holds at most `lookAhead` calls of one priority started, and starts the next as one is sent', async () => {
    const { line, started, send } = startLine(2);
    for (let seq = 1; seq <= 5; seq++) line.add(call(`c${seq}`, 5, seq), never);
    expect(started).toEqual(['c1', 'c2']);
    await send('c1');
    expect(started).toEqual(['c1', 'c2', 'c3']);
  });

  it('starts an urgent call at once, even with the look-ahead full of less urgent ones', async () => {
    const { line, started, send } = startLine(2);
    for (let seq = 1; seq <= 5; seq++) line.add(call(`c${seq}`, 5, seq), never);
    line.add(call('urgent', 0, 6), never);
    expect(started).toEqual(['c1', 'c2', 'urgent']);
    // Urgent calls are limited by the calls ahead of them, which are urgent too.
    line.add(call('urgent2', 0, 7), never);
    line.add(call('urgent3', 0, 8), never);
    expect(started).toEqual(['c1', 'c2', 'urgent', 'urgent2']);
    // Sending a less urgent call frees nothing for the backlog: two urgent ones are still ahead.
    await send('c1');
    expect(started).toEqual(['c1', 'c2', 'urgent', 'urgent2']);
    await send('urgent');
    expect(started).toEqual(['c1', 'c2', 'urgent', 'urgent2', 'urgent3']);
    await send('urgent2');
    await send('urgent3');
    // Only c2 is started now: one more of the backlog may go.
    expect(started.at(-1)).toBe('c3');
  });

  it('never starts a call whose signal aborted, and is idle once nothing is started or wanted', async () => {
    const { line, started, send } = startLine(1);
    const aborts = Array.from({ length: 200 }, () => new AbortController());
    line.add(call('first', 5, 0), never);
    for (const [i, abort] of aborts.entries()) line.add(call(`q${i + 1}`, 5, i + 1), abort.signal);
    for (const abort of aborts.slice(0, 199)) abort.abort();
    let idle = false;
    void line.whenIdle().then(() => (idle = true));
    await send('first');
    expect(started).toEqual(['first', 'q200']);
    expect(idle).toBe(false);
    await send('q200');
    expect(idle).toBe(true);
  });

  it('raising the look-ahead starts more at once', () => {
    const { line, started } = startLine(1);
    for (let seq = 1; seq <= 5; seq++) line.add(call(`c${seq}`, 5, seq), never);
    line.lookAhead = 3;
    expect(started).toEqual(['c1', 'c2', 'c3']);
  });

  it('lets a lane joining its priority in ahead of the calls already started', async () => {
    const keys: DialKey[] = [];
    const sends = new Map<string, () => void>();
    const line = new DialStartLine({
      lookAhead: 3,
      start: (key) => {
        keys.push(key);
        return new Promise<void>((resolve) => sends.set(key.id, resolve));
      },
      onError: () => undefined,
    });
    for (let i = 0; i < 10; i++) line.add(batchCall(`b${i}`, i, i + 1), never);
    expect(keys.map((k) => k.id)).toEqual(['b0', 'b1', 'b2']);
    // The single calls' lane joins with the head turn of the queued calls (dial-turns.ts): 3.
    line.add({ id: 'single', priority: 5, turn: 3, seq: 11 }, never);
    expect(keys.map((k) => k.id)).toEqual(['b0', 'b1', 'b2', 'single']);
    // Ranked before the earliest started call, so the pacer gives it the next slot.
    expect(keys.at(-1)?.turn).toBe(-1);
    // A second single call joins a lane that is not empty: it keeps its turn and waits.
    line.add({ id: 'single2', priority: 5, turn: 4, seq: 12 }, never);
    expect(keys).toHaveLength(4);
    sends.get('single')?.();
    sends.get('b0')?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys.map((k) => k.id)).toEqual(['b0', 'b1', 'b2', 'single', 'b3']);
    expect(keys.at(-1)?.turn).toBe(3);
  });

  it('gives a joining lane no head start over other priorities, nor when nothing is started', () => {
    const keys: DialKey[] = [];
    const line = new DialStartLine({
      lookAhead: 2,
      start: (key) => {
        keys.push(key);
        return new Promise<void>(() => undefined);
      },
      onError: () => undefined,
    });
    line.add({ id: 'urgent', priority: 0, turn: 7, seq: 1 }, never);
    // Nothing of priority 5 is started: the batch's first call keeps its turn.
    for (let i = 0; i < 4; i++) line.add(batchCall(`b${i}`, 10 + i, 10 + i), never);
    expect(keys.map((k) => [k.id, k.turn])).toEqual([
      ['urgent', 7],
      ['b0', 10],
    ]);
  });
});
