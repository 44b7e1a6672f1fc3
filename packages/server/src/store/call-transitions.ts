import { channel } from 'node:diagnostics_channel';
import type { Kysely } from 'kysely';
import { allowedSourcesOf, type CallStatus } from '../calls/call-status';
import type { CallPatch, CallRow, Database } from './schema';

/** A status change has committed. Published on {@link CALL_TRANSITION_CHANNEL}. */
export interface CallTransitionMessage {
  /**
   * The database the write went through. Channels are process-wide and several servers may share
   * a process (tests, an embedding app): a subscriber keeps the messages of its own database.
   */
  db: Kysely<Database>;
  from: CallStatus;
  to: CallStatus;
  /** The call as written. */
  call: CallRow;
  /** What the call event recorded (source, SIP code, failure reason…). */
  details: Record<string, unknown>;
}

/**
 * Every committed status change, on `node:diagnostics_channel`, for in-process observers (the
 * metrics exporter); nothing is built when nobody subscribes.
 */
export const CALL_TRANSITION_CHANNEL = 'outdial:call:transition';

const transitioned = channel(CALL_TRANSITION_CHANNEL);

export interface TransitionOptions {
  /** Other columns to write in the same UPDATE (answered_at, room_id, failure_reason, …). */
  patch?: Omit<CallPatch, 'status' | 'updated_at' | 'id' | 'seq'>;
  /** Recorded on the call event: why the status changed. */
  details?: Record<string, unknown>;
  /** Only move from these statuses (a subset of the table's allowed sources). */
  from?: readonly CallStatus[];
  now?: Date;
}

/**
 * The single write path for call statuses. The UPDATE is guarded in SQL by the statuses the
 * transition table allows as sources, so a late event can never resurrect a finished call. The
 * status change and its call event commit together.
 *
 * @returns the updated call, or undefined when the call does not exist or its current status
 * does not allow the move (the caller decides whether that matters).
 */
export async function transitionCall(
  db: Kysely<Database>,
  callId: string,
  to: CallStatus,
  { patch = {}, details = {}, from, now = new Date() }: TransitionOptions = {},
): Promise<CallRow | undefined> {
  const sources = allowedSourcesOf(to).filter((s) => !from || from.includes(s));
  if (sources.length === 0) return undefined;
  const at = now.toISOString();
  let previous: CallStatus | undefined;
  const written = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('calls')
      .select('status')
      .where('id', '=', callId)
      .executeTakeFirst();
    if (!current || !sources.includes(current.status)) return undefined;
    const updated = await trx
      .updateTable('calls')
      .set({ ...patch, status: to, updated_at: at })
      .where('id', '=', callId)
      .where('status', '=', current.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return undefined;
    await trx
      .insertInto('call_events')
      .values({
        call_id: callId,
        from_status: current.status,
        to_status: to,
        at,
        details: JSON.stringify(details),
      })
      .execute();
    previous = current.status;
    return updated;
  });
  // After the commit: a rolled-back change is never reported.
  if (written && previous && transitioned.hasSubscribers)
    transitioned.publish({ db, from: previous, to, call: written, details } satisfies CallTransitionMessage);
  return written;
}
