/**
 * @module
 * Holds a createOutboundCall in flight on any target, so a test can send a second request while
 * the first holds its Idempotency-Key, deterministically rather than by racing them. Each target
 * awaits `pass()` at the point where a create has taken its key and not yet placed its call: the
 * mock through its `createLatency` option, the server through its call store's insert.
 */

/** A create held in flight: `entered` settles once the create waits, `release()` lets it go on. */
export interface CreateHold {
  readonly entered: Promise<void>;
  release(): void;
}

export class CreateGate {
  #armed: { enter(): void; released: Promise<void> } | undefined;

  /** Holds the next create that reaches `pass()`, until its hold is released. */
  hold(): CreateHold {
    if (this.#armed) throw new Error('a create is already waiting to be held');
    let enter = () => {};
    let release = () => {};
    const entered = new Promise<void>((resolve) => {
      enter = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#armed = { enter, released };
    return { entered, release };
  }

  /** Awaited by every create once it holds its key: at once, unless a hold is armed. */
  pass(): Promise<void> {
    const armed = this.#armed;
    if (!armed) return Promise.resolve();
    this.#armed = undefined;
    armed.enter();
    return armed.released;
  }
}
