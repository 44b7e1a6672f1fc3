import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transitionCall } from './call-transitions';
import { openDatabase } from './open-database';
import type { Database } from './schema';

let db: Kysely<Database>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  db = await openDatabase({ path: ':memory:' });
  await db.insertInto('organizations').values({ id: 'org', name: 'Org', created_at: now }).execute();
  await db
    .insertInto('calls')
    .values({
      id: 'call_1',
      organization_id: 'org',
      agent_id: 'a',
      agent_name: 'A',
      agent_type: 'voice',
      phone_number: '+14155552671',
      caller_id: '+14155551234',
      status: 'queued',
      priority: 5,
      ring_timeout_seconds: 30,
      max_duration_seconds: null,
      metadata: '{}',
      variables: '{}',
      room_id: null,
      job_id: null,
      sip_participant_id: null,
      failure_reason: null,
      summary: null,
      started_at: now,
      answered_at: null,
      ended_at: null,
      duration: null,
      updated_at: now,
    })
    .execute();
});
afterEach(() => db.destroy());

describe('transitionCall', () => {
  it('moves along the table and records each change as a call event', async () => {
    expect((await transitionCall(db, 'call_1', 'connecting'))?.status).toBe('connecting');
    expect((await transitionCall(db, 'call_1', 'active', { patch: { answered_at: now } }))?.answered_at).toBe(
      now,
    );
    const events = await db.selectFrom('call_events').selectAll().orderBy('id').execute();
    expect(events.map((e) => [e.from_status, e.to_status])).toEqual([
      ['queued', 'connecting'],
      ['connecting', 'active'],
    ]);
  });

  it('never overwrites a terminal status, and records nothing when refused', async () => {
    await transitionCall(db, 'call_1', 'cancelled');
    expect(await transitionCall(db, 'call_1', 'connecting')).toBeUndefined();
    expect(await transitionCall(db, 'call_1', 'completed')).toBeUndefined();
    const call = await db.selectFrom('calls').selectAll().executeTakeFirstOrThrow();
    expect(call.status).toBe('cancelled');
    expect(await db.selectFrom('call_events').selectAll().execute()).toHaveLength(1);
  });

  it('honours a narrower set of sources', async () => {
    expect(await transitionCall(db, 'call_1', 'failed', { from: ['connecting', 'ringing'] })).toBeUndefined();
    expect((await transitionCall(db, 'call_1', 'failed', { from: ['queued'] }))?.status).toBe('failed');
  });
});
