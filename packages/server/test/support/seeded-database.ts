/**
 * @module
 * A SQLite database for the Dial queue's and the stores' suites: one organization with one active
 * voice agent, and calls inserted straight into any status (SQL, since no port creates a call
 * anywhere but `initiated`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallStatus } from '@outdial/contract';
import type { CallRow, CallStore } from '../../src/ports/call-store';
import type { DialBacklog } from '../../src/ports/dial-backlog';
import { openSqliteStores, type SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import type { StoreDatabase } from '../../src/store/testing-hooks';

export interface Seeded {
  stores: SqliteStores;
  calls: CallStore;
  backlog: DialBacklog;
  /** SQLite itself, to arrange and inspect what no port reaches. */
  db: StoreDatabase;
  organizationId: string;
  agentId: string;
  close(): Promise<void>;
}

/** A migrated database with one organization and one active voice agent. */
export async function seededDatabase(path = ':memory:'): Promise<Seeded> {
  const stores = await openSqliteStores({ path });
  const now = new Date().toISOString();
  const organizationId = randomUUID();
  const agentId = randomUUID();
  await stores.organizations.create({ id: organizationId, name: `org-${organizationId}`, created_at: now });
  await stores.agents.insert({
    id: agentId,
    organization_id: organizationId,
    name: 'Test agent',
    type: 'voice',
    status: 'active',
    phone_numbers: JSON.stringify(['+15550000000']),
    livekit_agent_name: 'test-agent',
    sip_trunk_id: 'ST_test',
    created_at: now,
    updated_at: now,
  });
  return {
    stores,
    calls: stores.calls,
    backlog: stores.dialBacklog,
    db: stores.db,
    organizationId,
    agentId,
    close: () => stores.close(),
  };
}

export interface NewCall {
  phoneNumber?: string;
  priority?: number;
  status?: CallStatus;
  ringTimeoutSeconds?: number;
  maxDurationSeconds?: number | null;
}

/** Inserts calls in one transaction, in order (so seq follows the array). */
export async function insertCalls(seeded: Seeded, calls: NewCall[]): Promise<CallRow[]> {
  const now = new Date().toISOString();
  return seeded.db.transaction().execute(async (trx) => {
    const rows: CallRow[] = [];
    for (const call of calls) {
      const priority = call.priority ?? 5;
      rows.push(
        await trx
          .insertInto('calls')
          .values({
            id: `call_${randomUUID().replaceAll('-', '')}`,
            organization_id: seeded.organizationId,
            agent_id: seeded.agentId,
            agent_name: 'Test agent',
            agent_type: 'voice',
            phone_number: call.phoneNumber ?? '+14155550100',
            caller_id: '+15550000000',
            status: call.status ?? 'queued',
            priority,
            ring_timeout_seconds: call.ringTimeoutSeconds ?? 30,
            max_duration_seconds: call.maxDurationSeconds ?? null,
            metadata: JSON.stringify({ priority }),
            variables: JSON.stringify({ name: 'Ada' }),
            started_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    await numberQueuedTurns(trx);
    return rows;
  });
}

/**
 * Calls inserted queued here skip the store, which gives each its Dial queue turn: they get their
 * seq as their turn, as migration 0008 numbered the calls it found queued.
 */
async function numberQueuedTurns(db: Pick<StoreDatabase, 'updateTable'>): Promise<void> {
  await db
    .updateTable('calls')
    .set((eb) => ({ dial_turn: eb.ref('seq') }))
    .where('status', '=', 'queued')
    .where('dial_turn', 'is', null)
    .execute();
}

/** Inserts `count` queued calls fast (multi-row inserts), for backlog tests. */
export async function insertBacklog(seeded: Seeded, count: number, priority = 5): Promise<void> {
  const now = new Date().toISOString();
  const chunk = 1000;
  await seeded.db.transaction().execute(async (trx) => {
    for (let done = 0; done < count; done += chunk) {
      const values = Array.from({ length: Math.min(chunk, count - done) }, (_, i) => ({
        id: `call_backlog_${done + i}`,
        organization_id: seeded.organizationId,
        agent_id: seeded.agentId,
        agent_name: 'Test agent',
        agent_type: 'voice' as const,
        phone_number: '+14155550100',
        caller_id: '+15550000000',
        status: 'queued' as const,
        priority,
        ring_timeout_seconds: 30,
        max_duration_seconds: null,
        metadata: '{}',
        variables: '{}',
        started_at: now,
        updated_at: now,
      }));
      await trx.insertInto('calls').values(values).execute();
    }
    await numberQueuedTurns(trx);
  });
}

export function manyCalls(count: number, call: NewCall = {}): NewCall[] {
  return Array.from({ length: count }, () => call);
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

export async function callById(db: StoreDatabase, id: string): Promise<CallRow> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Every call in the database, in insertion order. */
export async function allCalls(db: StoreDatabase): Promise<CallRow[]> {
  return db.selectFrom('calls').selectAll().orderBy('seq').execute();
}

export async function statusCounts(db: StoreDatabase): Promise<Partial<Record<CallStatus, number>>> {
  const rows = await db.selectFrom('calls').select(['status']).execute();
  const counts: Partial<Record<CallStatus, number>> = {};
  for (const { status } of rows) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A temp directory holding a database file, removed by `cleanup`. */
export async function tempDatabasePath(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'outdial-dial-'));
  return { path: join(dir, 'outdial.db'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}
