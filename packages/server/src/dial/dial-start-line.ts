/**
 * @module
 * The calls taken from the queued window for dialing, most urgent first, and how many of them
 * are claimed and prepared ahead of their pacing slot (the look-ahead).
 */
import type { DialKey } from '../ports/dial-backlog';
import { compareDialKeys, turnOf } from './dial-order';
import { MinHeap } from './min-heap';

export interface DialStartLineDeps {
  /** How many calls may be started ahead of any one call (see DialLookAhead). */
  lookAhead: number;
  /** Starts a call's dial; settles once its INVITE is sent (or its dial ended or never began). */
  start(call: DialKey): Promise<void>;
  /** A start that failed for a call still wanted (not aborted). */
  onError(error: unknown, call: DialKey): void;
}

interface Waiting {
  call: DialKey;
  signal: AbortSignal;
  started: boolean;
  lane: string;
  /** Counted in `#laneMembers` until it is started and sent, or aborted while waiting. */
  counted: boolean;
}

/**
 * A call is started when fewer than `lookAhead` started calls are ahead of it in dial order
 * (dial-order.ts). Under a backlog of one priority that is a plain concurrency limit. But an urgent call is
 * started at once, even with the look-ahead full of less urgent calls: the pacer gives slots by
 * the same order, so those do not delay it, and it is claimed and prepared while they wait. Each
 * more urgent level can add at most `lookAhead` started calls, and DIAL_MAX_IN_FLIGHT bounds all.
 *
 * A lane joining its priority (dial-turns.ts: a batch, or the single calls, with none of its calls
 * here yet) is let in ahead of the started calls of that priority. Its turn, the head turn of the
 * calls still queued, is after the look-ahead's: those were taken from the head before it came,
 * so without this a single call behind a 10,000-call batch would wait for every call already
 * claimed (up to 6 at CPS 50 on a fresh server) and then its own preparation. Its first call
 * takes the turn just before the earliest started call of its priority instead: it is started at
 * once and, prepared, takes the next slot (the pacer ranks by the same turn). The claimed calls it
 * passes each wait one slot more, once per lane joining; the lane's later calls keep their turns.
 *
 * @example
 * ```ts
 * const line = new DialStartLine({ lookAhead: 2, start: (call) => dial(call), onError });
 * line.add({ id: 'call_1', priority: 5, seq: 1 }, abort.signal);
 * ```
 */
export class DialStartLine {
  readonly #deps: DialStartLineDeps;
  #lookAhead: number;
  readonly #waiting = new MinHeap<Waiting>((a, b) => compareDialKeys(a.call, b.call));
  /** Waiting entries whose signal aborted: dropped from the heap once they are most of it. */
  #aborted = 0;
  readonly #started = new Set<DialKey>();
  /** Calls per lane (priority and batch) waiting here or started and not yet sent. */
  readonly #laneMembers = new Map<string, number>();
  #idle: (() => void)[] = [];

  constructor(deps: DialStartLineDeps) {
    this.#deps = deps;
    this.#lookAhead = deps.lookAhead;
  }

  get lookAhead(): number {
    return this.#lookAhead;
  }

  set lookAhead(value: number) {
    this.#lookAhead = value;
    this.#startWhatMay();
  }

  /** Started calls whose INVITE has not been sent yet. */
  get started(): number {
    return this.#started.size;
  }

  /** Waits to be started in its turn; never started once `signal` aborts. */
  add(call: DialKey, signal: AbortSignal): void {
    if (signal.aborted) return;
    const lane = laneOf(call);
    const members = this.#laneMembers.get(lane) ?? 0;
    this.#laneMembers.set(lane, members + 1);
    const entry: Waiting = {
      call: members === 0 ? this.#joiningKey(call) : call,
      signal,
      started: false,
      lane,
      counted: true,
    };
    this.#waiting.push(entry);
    signal.addEventListener(
      'abort',
      () => {
        if (entry.started) return;
        this.#leaveLane(entry);
        this.#aborted++;
        if (this.#aborted > 64 && this.#aborted > this.#waiting.size / 2) {
          this.#waiting.retain((waiting) => !waiting.signal.aborted);
          this.#aborted = 0;
        }
        this.#settleIdle();
      },
      { once: true },
    );
    this.#startWhatMay();
  }

  /** Resolves once no call waits or is started (waiting calls whose signal aborted do not count). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idle.push(resolve);
      this.#settleIdle();
    });
  }

  #startWhatMay(): void {
    for (;;) {
      const next = this.#peekWanted();
      if (!next || this.#startedAhead(next.call) >= this.#lookAhead) return;
      this.#waiting.pop();
      this.#start(next);
    }
  }

  #peekWanted(): Waiting | undefined {
    for (;;) {
      const next = this.#waiting.peek();
      if (!next?.signal.aborted) return next;
      this.#waiting.pop();
      this.#aborted--;
    }
  }

  /** Started calls ahead of `call`: the few whose INVITE is not sent yet, so a scan is cheap. */
  #startedAhead(call: DialKey): number {
    let ahead = 0;
    for (const started of this.#started) if (compareDialKeys(started, call) < 0) ahead++;
    return ahead;
  }

  /** The key of the first call of a lane joining: see the class comment. */
  #joiningKey(call: DialKey): DialKey {
    let earliest: DialKey | undefined;
    for (const started of this.#started) {
      if (started.priority !== call.priority) continue;
      if (!earliest || compareDialKeys(started, earliest) < 0) earliest = started;
    }
    if (!earliest || compareDialKeys(call, earliest) < 0) return call;
    return { ...call, turn: turnOf(earliest) - 1 };
  }

  #leaveLane(entry: Waiting): void {
    if (!entry.counted) return;
    entry.counted = false;
    const members = (this.#laneMembers.get(entry.lane) ?? 1) - 1;
    if (members > 0) this.#laneMembers.set(entry.lane, members);
    else this.#laneMembers.delete(entry.lane);
  }

  #start(entry: Waiting): void {
    const { call, signal } = entry;
    entry.started = true;
    this.#started.add(call);
    this.#deps
      .start(call)
      .catch((error: unknown) => {
        if (!signal.aborted) this.#deps.onError(error, call);
      })
      .finally(() => {
        this.#started.delete(call);
        this.#leaveLane(entry);
        this.#startWhatMay();
        this.#settleIdle();
      });
  }

  #settleIdle(): void {
    if (this.#idle.length === 0 || this.#started.size > 0 || this.#peekWanted()) return;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}

/** Fair queueing's lane (dial-turns.ts): a batch, or the single calls, within one priority. */
function laneOf(call: DialKey): string {
  return `${call.priority}:${call.batchId ?? ''}`;
}
