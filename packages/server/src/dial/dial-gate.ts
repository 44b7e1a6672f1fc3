/**
 * @module
 * The one ordering point between a cancel and its call's INVITE.
 *
 * A cancel commits in the database; an INVITE leaves through a socket. Checked one after the
 * other, the two can cross: the dial checks "not cancelled", the cancel commits, then the INVITE
 * goes out and rings a person whose call is cancelled (and LiveKit re-creates a room deleted
 * before the INVITE reached it). So both hold this gate: the dial from its last check until the
 * INVITE's headers are on the socket, the cancel around its commit. Either the cancel commits
 * first and the dial sees it and stops, or the INVITE is already on the wire when the cancel
 * commits and the cancel knows it must hang the call up in LiveKit. A batch's pause is ordered
 * the same way (whenClear, and the check `enterDial` runs inside the gate).
 */

/** What the gate knows about one call's dial. */
interface GateEntry {
  /** Resolves when the current holder releases; holders queue behind it. */
  tail: Promise<void>;
  holders: number;
  /** The INVITE for this call has been (or is being) written to the socket. */
  inviteSent: boolean;
  /** A cancel committed: the dial must not send its INVITE. */
  cancelled: boolean;
  /** The dial is over; the entry goes once nobody holds it. */
  closed: boolean;
}

/** The dial's pass through the gate, held until the INVITE's headers are written. */
export interface DialPass {
  /** False when a cancel committed first, or the dial is held back: send nothing. */
  readonly mayDial: boolean;
  /** The dial was held back (its batch paused), not cancelled: nothing was sent. */
  readonly heldBack: boolean;
  release(): void;
}

/**
 * @example
 * ```ts
 * const pass = await gate.enterDial(callId);
 * if (!pass.mayDial) { pass.release(); return; }
 * sendInvite({ onHeadersWritten: () => pass.release() });
 * ```
 */
export class DialGate {
  readonly #entries = new Map<string, GateEntry>();

  /** Called before the dial starts (claim), so a cancel landing at any later moment is seen. */
  open(callId: string): void {
    if (!this.#entries.has(callId)) {
      this.#entries.set(callId, {
        tail: Promise.resolve(),
        holders: 0,
        inviteSent: false,
        cancelled: false,
        closed: false,
      });
    }
  }

  /** Forgets a call whose dial is over (once its last holder releases). */
  close(callId: string): void {
    const entry = this.#entries.get(callId);
    if (!entry) return;
    entry.closed = true;
    if (entry.holders === 0) this.#entries.delete(callId);
  }

  /** Whether a cancel has committed for a call being dialed by this process. */
  isCancelled(callId: string): boolean {
    return this.#entries.get(callId)?.cancelled ?? false;
  }

  /**
   * The dial's last check before its INVITE. Release the pass once the headers are written.
   * @param holdBack read inside the gate: true stops the dial without counting it as sent (a
   *   pause waits on the gate, see whenClear, so a pause answered before this is seen)
   */
  async enterDial(callId: string, holdBack: () => boolean = () => false): Promise<DialPass> {
    this.open(callId);
    const { entry, release } = await this.#lock(callId);
    const heldBack = !entry.cancelled && holdBack();
    const mayDial = !entry.cancelled && !heldBack;
    if (mayDial) entry.inviteSent = true;
    return { mayDial, heldBack, release };
  }

  /**
   * Resolves once no dial of the call holds its pass: a dial that passed its last check before
   * this call has its INVITE on the socket by then, and any later one checks again. How a pause
   * (which the dial checks inside the gate) knows that nothing it should stop is still leaving.
   */
  async whenClear(callId: string): Promise<void> {
    if (!this.#entries.has(callId)) return;
    const { release } = await this.#lock(callId);
    release();
  }

  /**
   * Runs a cancel's commit while no INVITE for the call can start. `commit` learns whether this
   * process is dialing the call and whether its INVITE already left (so the call must be torn down
   * in LiveKit), and returns a value when the cancel committed; the dial then sends nothing.
   */
  async whileCancelling<T>(
    callId: string,
    commit: (dial: { dialedHere: boolean; inviteSent: boolean }) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    // Not being dialed here: a queued call's dial must first claim it, and that claim is guarded
    // by its status in the database, so the database orders the two.
    if (!this.#entries.has(callId)) return commit({ dialedHere: false, inviteSent: false });
    const { entry, release } = await this.#lock(callId);
    try {
      const committed = await commit({ dialedHere: true, inviteSent: entry.inviteSent });
      if (committed !== undefined) entry.cancelled = true;
      return committed;
    } finally {
      release();
    }
  }

  async #lock(callId: string): Promise<{ entry: GateEntry; release: () => void }> {
    const entry = this.#entries.get(callId) as GateEntry;
    const previous = entry.tail;
    let unlock!: () => void;
    entry.tail = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    entry.holders++;
    await previous;
    let released = false;
    return {
      entry,
      release: () => {
        if (released) return;
        released = true;
        entry.holders--;
        unlock();
        if (entry.closed && entry.holders === 0 && this.#entries.get(callId) === entry) {
          this.#entries.delete(callId);
        }
      },
    };
  }
}
