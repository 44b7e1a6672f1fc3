import type { Kysely } from 'kysely';
import { transitionCall } from '../store/call-transitions';
import type { Database } from '../store/schema';

/**
 * At start-up, before any request: a call still `initiated` was being created when the process
 * died, before it reached the Dial queue. It was never dialed; it is failed as `interrupted` so
 * that it is not left stranded (and a retry with its Idempotency-Key can place it anew).
 *
 * @returns the ids of the calls failed
 */
export async function failInterruptedCreations(db: Kysely<Database>): Promise<string[]> {
  const stranded = await db.selectFrom('calls').select('id').where('status', '=', 'initiated').execute();
  const failed: string[] = [];
  for (const { id } of stranded) {
    const endedAt = new Date();
    const row = await transitionCall(db, id, 'failed', {
      from: ['initiated'],
      patch: { failure_reason: 'interrupted', ended_at: endedAt.toISOString(), duration: 0 },
      details: { reason: 'interrupted before it was queued' },
      now: endedAt,
    });
    if (row) failed.push(id);
  }
  return failed;
}
