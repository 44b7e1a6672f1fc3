/**
 * @module
 * Everything the mock remembers, in memory: organizations, agents, calls, batches and idempotency records.
 */
import type { Organization, StoredAgent, StoredBatch, StoredCall } from './mock-types';
import { seedData } from './seed-data';

/** A createOutboundCall remembered under its Idempotency-Key. */
export type IdempotencyRecord = {
  /** The request in canonical JSON (`requestFingerprint`), to tell a replay from a reuse. */
  fingerprint: string;
  expiresAt: number;
  /** Undefined while the first request is still in flight. */
  response?: { status: number; body: unknown };
};

/**
 * The mock's in-memory store.
 *
 * @example
 * const state = new MockState({ primary: 'key', other: 'other-key' });
 * state.organizationByKey('key')?.id; // 'org_mock_primary'
 */
export class MockState {
  organizations: Organization[] = [];
  readonly agents = new Map<string, StoredAgent>();
  readonly calls = new Map<string, StoredCall>();
  readonly batches = new Map<string, StoredBatch>();
  /** Keyed by `<organizationId> <Idempotency-Key>`: keys are scoped to an organization. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  #sequence = 0;

  constructor(private readonly apiKeys: { primary: string; other: string }) {
    this.reset();
  }

  /** Drops every call, batch, agent and idempotency record and restores the seeded data. */
  reset(now = new Date().toISOString()): void {
    const seeded = seedData(now, this.apiKeys);
    this.organizations = seeded.organizations;
    this.agents.clear();
    for (const stored of seeded.agents) this.agents.set(stored.agent.id, stored);
    this.calls.clear();
    this.batches.clear();
    this.idempotency.clear();
    this.#sequence = 0;
  }

  organizationByKey(apiKey: string): Organization | undefined {
    return this.organizations.find((o) => o.apiKey === apiKey);
  }

  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  /**
   * Gives a call entering the Dial queue its turn, as the server does (its store/sqlite/dial-turns.ts):
   * within one priority, batches and single calls take turns. A call's lane is its batch, or the
   * single calls; it gets max(its lane's largest queued turn + 1, the smallest queued turn of its
   * priority), or 0 with nothing queued at its priority. Call it before the call counts as queued.
   */
  enterQueue(stored: StoredCall): void {
    const lane = stored.call.batchId ?? null;
    let laneNext = 0;
    let head: number | undefined;
    for (const other of this.calls.values()) {
      if (other === stored || other.call.status !== 'queued' || other.call.priority !== stored.call.priority)
        continue;
      const turn = turnOf(other);
      if ((other.call.batchId ?? null) === lane) laneNext = Math.max(laneNext, turn + 1);
      head = head === undefined ? turn : Math.min(head, turn);
    }
    stored.dialTurn = Math.max(laneNext, head ?? 0);
  }

  /**
   * 1-based position in the Dial queue: queued calls of every organization share one queue,
   * dialled by priority (0 first), then by turn (`enterQueue`), then in arrival order.
   */
  queuePosition(stored: StoredCall): number | null {
    if (stored.call.status !== 'queued') return null;
    let ahead = 0;
    for (const other of this.calls.values()) {
      if (other === stored || other.call.status !== 'queued') continue;
      if (dialsBefore(other, stored)) ahead += 1;
    }
    return ahead + 1;
  }
}

/** A call's turn; one that never got one (it cannot be queued) reads as its arrival. */
function turnOf(stored: StoredCall): number {
  return stored.dialTurn ?? stored.sequence;
}

/** The Dial queue's order: priority, then turn, then arrival. */
function dialsBefore(a: StoredCall, b: StoredCall): boolean {
  return (a.call.priority - b.call.priority || turnOf(a) - turnOf(b) || a.sequence - b.sequence) < 0;
}
