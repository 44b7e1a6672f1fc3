/**
 * @module
 * Fair queueing within one priority: the turn a call gets when it becomes `queued`.
 *
 * The Dial queue dials by (priority, dial_turn, seq). Calls take turns by lane: each batch is a
 * lane, and the single calls (batch_id null) are one more. A call queued into a lane gets
 *
 *     turn = max(the lane's largest queued turn + 1, the smallest queued turn of its priority)
 *
 * so a lane's calls get consecutive turns (a batch of N created at once: N turns in a row), and a
 * lane with nothing queued joins at the head of the line instead of behind every other lane's
 * backlog. A single call queued behind a 10,000-call batch of its priority thus gets the batch's
 * head turn and is dialed right after the call sharing it (seq breaks the tie): it waits for at
 * most 2 slots instead of 10,000. Two batches of one priority alternate call by call. Priority
 * still comes first: a priority-0 call goes ahead of every turn of priority 5.
 *
 * Turns only compare within a priority, and only among queued calls. With nothing queued at the
 * priority a call gets turn 0 (a call taken earlier and already claimed may then have a larger
 * turn; it is no longer queued, so the order it was dialed in is unaffected). A turn grows by at
 * most one per call queued, so it stays below the largest seq (dial-order.ts packs it in a number).
 * Two index reads (calls_dial_lane, calls_dial_order), in one statement, per call queued, in the
 * transaction that queues it; a bulk insert reads them once per priority and lane and numbers its calls onwards.
 * Concurrent PostgreSQL transactions may hand out one turn twice: seq orders such a tie.
 */
import { type Kysely, sql } from 'kysely';
import { PrecompiledQuery } from './precompiled-query';
import type { Database } from './sqlite-schema';

// A literal (not a bound parameter), so both databases can prove the partial index calls_dial_lane
// applies when they plan the statement.
const QUEUED = sql.lit<'queued'>('queued');

/** A lane's largest queued turn (of the single calls, or of one batch) and its priority's head turn. */
type LaneTurns = { lane: number | null; head: number | null };

/**
 * Both reads in one statement (two index probes): one round trip on PostgreSQL. `batchId`
 * undefined: the single calls' lane (`is null`, a query of its own shape).
 */
const laneTurns = (db: Kysely<Database>, priority: number, batchId?: string) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('calls')
      .select('dial_turn')
      .where('status', '=', QUEUED)
      .where('priority', '=', priority)
      .where('batch_id', batchId === undefined ? 'is' : '=', batchId ?? null)
      .where('dial_turn', 'is not', null)
      .orderBy('dial_turn', 'desc')
      .limit(1)
      .as('lane'),
    eb
      .selectFrom('calls')
      .select('dial_turn')
      .where('status', '=', QUEUED)
      .where('priority', '=', priority)
      .orderBy('dial_turn')
      .orderBy('seq')
      .limit(1)
      .as('head'),
  ]);

const singleLaneTurns = new PrecompiledQuery<{ priority: number }, LaneTurns>((db, arg) =>
  laneTurns(db, arg('priority')),
);
const batchLaneTurns = new PrecompiledQuery<{ priority: number; batchId: string }, LaneTurns>((db, arg) =>
  laneTurns(db, arg('priority'), arg('batchId')),
);

/** The turn of the next call queued into `batchId`'s lane (null: the single calls) at `priority`. */
export async function nextDialTurn(
  db: Kysely<Database>,
  priority: number,
  batchId: string | null,
): Promise<number> {
  const turns = await (batchId === null
    ? singleLaneTurns.takeFirst(db, { priority })
    : batchLaneTurns.takeFirst(db, { priority, batchId }));
  const laneNext = turns?.lane == null ? 0 : Number(turns.lane) + 1;
  const headTurn = turns?.head == null ? 0 : Number(turns.head);
  return Math.max(laneNext, headTurn);
}
