import type { CallStore } from '../ports/call-store';
import { type Clock, wallClock } from '../ports/clock';

/**
 * At start-up, before any request: a call still `initiated` was being created when the process
 * died, before it reached the Dial queue. It was never dialed; it is failed as `interrupted` so
 * that it is not left stranded (and a retry with its Idempotency-Key can place it anew).
 *
 * @returns the ids of the calls failed
 */
export async function failInterruptedCreations(
  calls: CallStore,
  clock: Clock = wallClock,
): Promise<string[]> {
  const failed: string[] = [];
  for (const id of await calls.idsWithStatus(['initiated'])) {
    const endedAt = clock.now();
    const row = await calls.transition(id, 'failed', {
      from: ['initiated'],
      patch: { failure_reason: 'interrupted', ended_at: endedAt.toISOString(), duration: 0 },
      details: { reason: 'interrupted before it was queued' },
      now: endedAt,
    });
    if (row) failed.push(id);
  }
  return failed;
}
