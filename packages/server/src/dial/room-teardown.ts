/**
 * @module
 * Hanging a call up in LiveKit until LiveKit confirms it. Deleting the room removes every
 * participant, which ends a ringing or answered SIP leg and frees the agent.
 *
 * One DeleteRoom is not enough. It can fail (LiveKit down, a timeout), and it can arrive before
 * the call's CreateSIPParticipant (the two travel on different connections): LiveKit then
 * re-creates the room for the INVITE and rings the person after all. So a teardown repeats
 * DeleteRoom with backoff until the dial's CreateSIPParticipant has answered (LiveKit has seen
 * the INVITE and, the room being gone, ended it) and a DeleteRoom after that has succeeded.
 */
import type { Logger } from 'pino';
import { roomNameForCall } from './call-room';
import type { Dialer } from './dialer';

export interface RoomTeardownDeps {
  dialer: Dialer;
  logger: Logger;
  /** First retry delay; doubles up to maxDelayMs. The first DeleteRoom goes out at once. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * @example
 * ```ts
 * const teardown = new RoomTeardown({ dialer, logger });
 * teardown.start(callId, 'cancelled', dialSettled); // repeats DeleteRoom until LiveKit confirms
 * await teardown.stop();
 * ```
 */
export class RoomTeardown {
  readonly #deps: RoomTeardownDeps;
  readonly #running = new Map<string, Promise<void>>();
  #stopped = false;
  readonly #stopping = new AbortController();

  constructor(deps: RoomTeardownDeps) {
    this.#deps = deps;
  }

  /** Calls whose teardown is not confirmed yet. */
  get pending(): number {
    return this.#running.size;
  }

  /**
   * Tears the call's room down. `dialSettled`, when a CreateSIPParticipant for the call may be in
   * flight, resolves once it has answered; until then no confirmation counts.
   * @returns resolves after the first DeleteRoom (whatever its result); the retries go on in the
   * background until LiveKit confirms or the teardown is stopped
   */
  start(callId: string, why: string, dialSettled?: Promise<unknown>): Promise<void> {
    const existing = this.#running.get(callId);
    if (existing && !dialSettled) return Promise.resolve();
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    const run = this.#run(callId, why, dialSettled, existing, firstAttempt).finally(() => {
      firstAttempt();
      if (this.#running.get(callId) === run) this.#running.delete(callId);
    });
    this.#running.set(callId, run);
    return attempted;
  }

  /**
   * Resolves once the call's teardown (if any) is confirmed or stopped. A call handed back to the
   * queue before its INVITE is dialed again later, into a room of the same name: its old
   * teardown's retried DeleteRoom must not delete the new room.
   */
  whenDone(callId: string): Promise<void> {
    return this.#running.get(callId) ?? Promise.resolve();
  }

  /** Stops retrying (the process is shutting down; start-up reconciliation takes over). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping.abort();
    await Promise.allSettled([...this.#running.values()]);
  }

  async #run(
    callId: string,
    why: string,
    dialSettled: Promise<unknown> | undefined,
    previous: Promise<void> | undefined,
    attempted: () => void,
  ): Promise<void> {
    await previous;
    const { dialer, logger } = this.#deps;
    const roomName = roomNameForCall(callId);
    let settled = dialSettled === undefined;
    void dialSettled?.then(
      () => (settled = true),
      () => (settled = true),
    );
    let delay = this.#deps.initialDelayMs ?? 25;
    const maxDelay = this.#deps.maxDelayMs ?? 5000;
    for (let attempt = 1; !this.#stopped; attempt++) {
      // Read before the request: a CreateSIPParticipant answering while DeleteRoom is on its way
      // may have been ended by that DeleteRoom or not; only a delete sent after it counts.
      const settledBefore = settled;
      try {
        await dialer.deleteRoom(roomName);
        if (settledBefore) {
          if (attempt > 1) logger.info({ callId, why, attempts: attempt }, 'LiveKit room deleted');
          return;
        }
      } catch (error) {
        logger.warn({ err: error, callId, why, attempt }, 'could not delete the LiveKit room; retrying');
      }
      attempted();
      await this.#sleep(settledBefore ? delay : Math.min(delay, 100));
      delay = Math.min(delay * 2, maxDelay);
    }
  }

  #sleep(ms: number): Promise<void> {
    const { signal } = this.#stopping;
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
