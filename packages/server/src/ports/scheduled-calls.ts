/**
 * @module
 * What the call scheduler (dial/call-scheduler.ts) needs of the stored calls: those that fall due
 * (a `scheduled` call's `scheduled_at` is reached) or expire (a call not yet dialed passes its
 * `latest_at`), and the next instant either happens, to sleep until then. Status changes go
 * through `CallStore.transition` like every other.
 */
import type { CallRow } from './call-store';

/** A call as the scheduler reads it. */
export type ScheduledCall = Pick<
  CallRow,
  'id' | 'status' | 'priority' | 'seq' | 'scheduled_at' | 'latest_at' | 'calling_window'
>;

export interface ScheduledCalls {
  /**
   * Up to `limit` `scheduled` calls whose `scheduled_at` is at or before `now`, in dial order
   * (priority, then seq): the order they join the Dial queue in.
   */
  dueAt(now: Date, limit: number): Promise<ScheduledCall[]>;
  /** Up to `limit` calls `scheduled` or `queued` whose `latest_at` is at or before `now`. */
  expiredAt(now: Date, limit: number): Promise<ScheduledCall[]>;
  /**
   * The earliest instant a call falls due or expires (the smallest `scheduled_at` of the
   * scheduled calls, or `latest_at` of the calls not yet dialed), or undefined when none waits.
   */
  nextDueAt(): Promise<Date | undefined>;
  /**
   * Moves a `scheduled` call's `scheduled_at` later without a status change: it fell due while its
   * calling window was closed (the server was down through the opening).
   * @returns false when the call is no longer `scheduled`
   */
  postpone(callId: string, until: Date, at: Date): Promise<boolean>;
}
